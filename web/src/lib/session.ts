import type { Cookies } from '@sveltejs/kit';

export const TOKEN_COOKIE = 'dangvu_token';

/** Keeps the gateway token where page scripts cannot read it: httpOnly, same-site, secure over https. */
export function saveToken(cookies: Cookies, url: URL, token: string, expiresAt: string) {
  cookies.set(TOKEN_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: url.protocol === 'https:',
    maxAge: Math.max(0, Math.floor((Date.parse(expiresAt) - Date.now()) / 1000)),
  });
}

export function clearToken(cookies: Cookies) {
  cookies.delete(TOKEN_COOKIE, { path: '/' });
}
