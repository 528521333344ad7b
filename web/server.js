// Serves the built app over plain HTTP on HOST:PORT. adapter-node derives the app's own origin from the Host
// header and a protocol it assumes to be https unless a protocol header says otherwise; form actions compare
// that origin with the browser's Origin header (CSRF protection). This server knows its connections are plain
// HTTP, so it states the protocol itself, overwriting whatever a client sent; behind a TLS proxy, set
// TRUST_PROXY_PROTOCOL=1 to take the proxy's X-Forwarded-Proto instead.
//
// It also stands at the edge for sign-in (docs/operations.md#credential-attempts): it limits login attempts
// per client address and per username before the app sees them, and tells the gateway the client's address
// on every call the app makes there, since the gateway would otherwise see this server's address alone.
import { AsyncLocalStorage } from 'node:async_hooks';
import { createServer, IncomingMessage } from 'node:http';

// SvelteKit 3 needs Node 24; an older node fails later with an unhelpful message.
if (Number(process.versions.node.split('.')[0]) < 24) {
  console.error(`dangvu web needs Node 24 or newer, not ${process.version}: start it with npm start (node_modules/.bin/node).`);
  process.exit(1);
}

// Imported after the check above: they are TypeScript, which only Node 24 runs as it is.
const { addressBucket, clientAddress, parseAddressList, trustedProxies } = await import('@dangvu/gateway/client-address');
const { accountKey, ATTEMPT_LIMITS, CredentialThrottle, TOO_MANY_ATTEMPTS, tooManyAttemptsMessage } = await import('@dangvu/gateway/credential-throttle');

function misconfigured(variable, message) {
  console.error(`Cấu hình không hợp lệ / invalid configuration:\n  ${variable}: ${message}`);
  process.exit(1);
}

const limits = Object.fromEntries(
  Object.entries(ATTEMPT_LIMITS).map(([field, { variable, fallback, min, max }]) => {
    const value = process.env[variable] ? Number(process.env[variable]) : fallback;
    if (!Number.isInteger(value) || value < min || value > max) {
      misconfigured(variable, `phải là số nguyên từ ${min} đến ${max} / must be a whole number from ${min} to ${max}`);
    }
    return [field, value];
  }),
);
const proxies = parseAddressList(process.env.WEB_TRUSTED_PROXIES || '127.0.0.1,::1');
if ('bad' in proxies) misconfigured('WEB_TRUSTED_PROXIES', `không phải địa chỉ IP hay dải CIDR / not an IP address or CIDR range: ${proxies.bad.join(', ')}`);
const trusted = trustedProxies(proxies.entries);
const throttle = new CredentialThrottle(limits);

/** The forms that check a password, each with the field that names the account. */
const CREDENTIAL_FORMS = new Map([
  ['/dang-nhap', 'username'],
  // The one-time code is a credential too: guessing it is guessing a password.
  ['/kich-hoat', 'username'],
]);
const MAX_FORM_BYTES = 16 * 1024;

// adapter-node reads both headers below at import; each is set on every request from what this server knows.
process.env.PROTOCOL_HEADER = 'x-dangvu-protocol';
process.env.ADDRESS_HEADER = 'x-dangvu-client-address';
const { handler } = await import('./build/handler.js');
const trustProxy = process.env.TRUST_PROXY_PROTOCOL === '1';
const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 3000);

// Every call the app makes to the gateway while it answers a visitor carries the visitor's address, as the
// gateway's trusted proxy (GATEWAY_TRUSTED_PROXIES). The app's server code calls the gateway in many places
// (loads, actions, the /graphql proxy): this is the one place that sees them all.
const visitor = new AsyncLocalStorage();
const gatewayOrigin = new URL(process.env.GATEWAY_URL || 'http://127.0.0.1:4000/graphql').origin;
const fetchDirectly = globalThis.fetch;
globalThis.fetch = (input, init) => {
  const address = visitor.getStore();
  if (address === undefined) return fetchDirectly(input, init);
  const request = new Request(input, init?.body instanceof ReadableStream ? { ...init, duplex: 'half' } : init);
  if (new URL(request.url).origin !== gatewayOrigin) return fetchDirectly(request);
  request.headers.set('x-forwarded-for', address);
  return fetchDirectly(request);
};

async function readForm(request) {
  const chunks = [];
  let size = 0;
  for await (const chunk of request) {
    size += chunk.length;
    if (size > MAX_FORM_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** The request again, with the body this server has already read, for the app to read in turn. */
function withBody(original, body) {
  const copy = new IncomingMessage(original.socket);
  Object.assign(copy, {
    method: original.method,
    url: original.url,
    headers: original.headers,
    rawHeaders: original.rawHeaders,
    httpVersion: original.httpVersion,
    httpVersionMajor: original.httpVersionMajor,
    httpVersionMinor: original.httpVersionMinor,
    // The whole body is here: destroying the copy once read must not take the visitor's connection with it.
    complete: true,
  });
  copy.push(body);
  copy.push(null);
  return copy;
}

async function usernameIn(body, contentType, field) {
  try {
    const value = (await new Response(body, { headers: { 'content-type': contentType ?? '' } }).formData()).get(field);
    return typeof value === 'string' && value.trim() ? value : null;
  } catch {
    return null;
  }
}

const escapeHtml = (text) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/**
 * 429 with Retry-After. A form sent by the app's script gets JSON whose message SvelteKit shows on its error
 * page; a form sent without script gets a page of its own.
 */
function tooManyAttempts(request, response, retryAfterSeconds, path) {
  const message = tooManyAttemptsMessage(retryAfterSeconds);
  const headers = { 'retry-after': String(retryAfterSeconds), 'cache-control': 'no-store' };
  if (request.headers['x-sveltekit-action'] === 'true') {
    response.writeHead(429, { ...headers, 'content-type': 'application/json; charset=utf-8' });
    return response.end(JSON.stringify({ message, code: TOO_MANY_ATTEMPTS }));
  }
  response.writeHead(429, { ...headers, 'content-type': 'text/html; charset=utf-8' });
  response.end(
    `<!doctype html><html lang="vi"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
      `<title>Thử lại sau</title><main style="font: 1.25rem/1.6 system-ui, sans-serif; max-width: 36rem; margin: 3rem auto; padding: 0 1rem">` +
      `<h1>Tạm dừng đăng nhập</h1><p>${escapeHtml(message)}</p><p><a href="${path}">Quay lại trang đăng nhập</a></p></main></html>`,
  );
}

async function serve(request, response) {
  const forwarded = request.headers['x-forwarded-proto'];
  request.headers['x-dangvu-protocol'] = trustProxy && (forwarded === 'https' || forwarded === 'http') ? forwarded : 'http';
  const address = clientAddress(request.socket.remoteAddress, request.headers['x-forwarded-for'], trusted);
  request.headers['x-dangvu-client-address'] = address;
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
  const accountField = request.method === 'POST' ? CREDENTIAL_FORMS.get(path) : undefined;
  let answered = request;
  if (accountField) {
    const body = await readForm(request);
    if (body === null) {
      response.writeHead(413, { 'content-type': 'text/plain; charset=utf-8' });
      return response.end('Yêu cầu quá lớn.');
    }
    const username = await usernameIn(body, request.headers['content-type'], accountField);
    const verdict = throttle.attempt({ address: addressBucket(address), account: username && accountKey('account', username) });
    if (!verdict.allowed) return tooManyAttempts(request, response, verdict.retryAfterSeconds, path);
    answered = withBody(request, body);
  }
  visitor.run(address, () => handler(answered, response));
}

const server = createServer((request, response) => {
  // A visitor who goes away while their form is read ends here, not in an unhandled rejection that would stop the server.
  serve(request, response).catch((error) => {
    console.error('warn web request abandoned', error instanceof Error ? error.message : error);
    response.destroy();
  });
});
server.listen(port, host, () => console.log(`info web listening url=http://${host}:${port}`));
const stop = () => server.close(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
