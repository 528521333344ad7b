// Serves the built app over plain HTTP on HOST:PORT. adapter-node derives the app's own origin from the Host
// header and a protocol it assumes to be https unless a protocol header says otherwise; form actions compare
// that origin with the browser's Origin header (CSRF protection). This server knows its connections are plain
// HTTP, so it states the protocol itself, overwriting whatever a client sent; behind a TLS proxy, set
// TRUST_PROXY_PROTOCOL=1 to take the proxy's X-Forwarded-Proto instead.
import { createServer } from 'node:http';

// SvelteKit 3 needs Node 24; an older node fails later with an unhelpful message.
if (Number(process.versions.node.split('.')[0]) < 24) {
  console.error(`dangvu web needs Node 24 or newer, not ${process.version}: start it with npm start (node_modules/.bin/node).`);
  process.exit(1);
}

process.env.PROTOCOL_HEADER = 'x-dangvu-protocol';
const { handler } = await import('./build/handler.js');
const trustProxy = process.env.TRUST_PROXY_PROTOCOL === '1';
const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 3000);

const server = createServer((request, response) => {
  const forwarded = request.headers['x-forwarded-proto'];
  request.headers['x-dangvu-protocol'] = trustProxy && (forwarded === 'https' || forwarded === 'http') ? forwarded : 'http';
  handler(request, response);
});
server.listen(port, host, () => console.log(`info web listening url=http://${host}:${port}`));
const stop = () => server.close(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
