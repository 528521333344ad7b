import { GATEWAY_URL } from '$app/env/private';
import type { Handle, HandleServerError } from '@sveltejs/kit/hooks';
import { submittedKey } from '#lib/idempotency.ts';
import { renewSession } from '#lib/server/gateway.ts';
import { REFRESH_COOKIE, sessionCookies, TOKEN_COOKIE } from '#lib/session.ts';

const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
};

/**
 * Headers that decide whether the gateway's CSRF guard lets a request through. They pass unchanged and are
 * never invented here: a cross-site "simple" request (form, text/plain, or no content type at all) must
 * reach the gateway as such and be refused there, even though this server adds the token.
 */
const FORWARDED_HEADERS = ['content-type', 'apollo-require-preflight', 'x-apollo-operation-name', 'idempotency-key'];

/** Forms as pages send them; an upload is left alone rather than read twice. */
const FORM_TYPE = 'application/x-www-form-urlencoded';
const FORM_BYTES = 64 * 1024;

/** The idempotency key of a submitted form, read from a copy so that the action reads the form itself. */
async function formIdempotencyKey(request: Request): Promise<string | null> {
  if (request.method !== 'POST' || !request.headers.get('content-type')?.startsWith(FORM_TYPE)) return null;
  if (Number(request.headers.get('content-length') ?? FORM_BYTES + 1) > FORM_BYTES) return null;
  try {
    return submittedKey(await request.clone().formData());
  } catch {
    return null;
  }
}

function graphQLError(status: number, code: string, message: string, headers: Record<string, string> = {}) {
  return Response.json({ errors: [{ message, extensions: { code } }] }, { status, headers });
}

/** Same-origin /graphql for the browser: the token stays in its httpOnly cookie and this server adds it. */
async function proxyGraphQL(request: Request, token: string | null): Promise<Response> {
  if (request.method !== 'POST') {
    return graphQLError(405, 'BAD_USER_INPUT', 'Chỉ nhận yêu cầu POST.', { allow: 'POST' });
  }
  const headers = new Headers();
  for (const name of FORWARDED_HEADERS) {
    const value = request.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  if (token) headers.set('authorization', `Bearer ${token}`);
  let upstream: Response;
  try {
    upstream = await fetch(GATEWAY_URL, { method: 'POST', headers, body: await request.text(), signal: AbortSignal.timeout(30_000) });
  } catch (cause) {
    console.error('gateway unreachable', { url: GATEWAY_URL, cause });
    return graphQLError(502, 'INTERNAL', 'Hệ thống tạm thời không phản hồi. Vui lòng thử lại sau ít phút.');
  }
  const answer = new Headers({ 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
  // A throttled credential check says when to try again: the browser's script needs it as much as a partner does.
  const retryAfter = upstream.headers.get('retry-after');
  if (retryAfter !== null) answer.set('retry-after', retryAfter);
  return new Response(upstream.body, { status: upstream.status, headers: answer });
}

export const handle: Handle = async ({ event, resolve }) => {
  event.locals.token = event.cookies.get(TOKEN_COOKIE) ?? null;
  // The token's cookie lasts as long as the token: once it is gone, the refresh token may renew it.
  const renewed = !event.locals.token && event.cookies.get(REFRESH_COOKIE) ? await renewSession(event) : null;
  let response: Response;
  if (event.url.pathname === '/graphql') {
    response = await proxyGraphQL(event.request, event.locals.token);
    // Made here, not by a route, this answer gets no cookies from Kit: a renewed session's go along by hand,
    // or the browser would keep a refresh token already used.
    for (const [name, value, options] of renewed ? sessionCookies(event.url, renewed) : []) {
      response.headers.append('set-cookie', event.cookies.serialize(name, value, options));
    }
  } else {
    event.locals.idempotencyKey = await formIdempotencyKey(event.request);
    response = await resolve(event);
  }
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  return response;
};

/** Error pages speak Vietnamese too; what went wrong unexpectedly is logged here and never shown. */
export const handleError: HandleServerError = (caught) => {
  if (caught.kind === 'app') return;
  if (caught.kind === 'unknown') {
    console.error('unexpected error', { method: caught.event.request.method, path: caught.event.url.pathname, error: caught.error });
    return { message: 'Đã có lỗi ngoài dự kiến. Vui lòng thử lại sau ít phút.' };
  }
  return { message: caught.error.status === 404 ? 'Không tìm thấy trang này.' : 'Yêu cầu không hợp lệ.' };
};
