import { GATEWAY_URL } from '$app/env/private';
import type { Handle } from '@sveltejs/kit/hooks';
import { TOKEN_COOKIE } from '#lib/session.ts';

const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
};

/**
 * Same-origin /graphql for the browser: the token stays in its httpOnly cookie and this server adds it.
 * The caller's content type goes through unchanged, so the gateway's CSRF guard still sees what was sent.
 */
async function proxyGraphQL(request: Request, token: string | null, fetcher: typeof fetch): Promise<Response> {
  if (request.method !== 'POST') {
    return new Response(JSON.stringify({ errors: [{ message: 'Chỉ hỗ trợ POST.', extensions: { code: 'METHOD_NOT_ALLOWED' } }] }), {
      status: 405,
      headers: { 'content-type': 'application/json', allow: 'POST' },
    });
  }
  const headers: Record<string, string> = { 'content-type': request.headers.get('content-type') ?? 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const upstream = await fetcher(GATEWAY_URL, { method: 'POST', headers, body: await request.text() });
  return new Response(upstream.body, {
    status: upstream.status,
    headers: { 'content-type': upstream.headers.get('content-type') ?? 'application/json' },
  });
}

export const handle: Handle = async ({ event, resolve }) => {
  event.locals.token = event.cookies.get(TOKEN_COOKIE) ?? null;
  const response =
    event.url.pathname === '/graphql' ? await proxyGraphQL(event.request, event.locals.token, fetch) : await resolve(event);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  return response;
};
