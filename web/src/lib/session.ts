import type { Cookies } from '@sveltejs/kit';

export const TOKEN_COOKIE = 'dangvu_token';

/**
 * Kit's own default marks a cookie secure everywhere but http://localhost, and a browser drops a secure
 * cookie sent over plain http from any other host (a LAN address, say): state it from the request instead.
 */
const attributes = (url: URL) => ({ path: '/', httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:' }) as const;

/** Keeps the gateway token where page scripts cannot read it, for as long as the token itself is valid. */
export function saveToken(cookies: Cookies, url: URL, token: string, expiresAt: string) {
  cookies.set(TOKEN_COOKIE, token, {
    ...attributes(url),
    maxAge: Math.max(0, Math.floor((Date.parse(expiresAt) - Date.now()) / 1000)),
  });
}

export function clearToken(cookies: Cookies, url: URL) {
  cookies.delete(TOKEN_COOKIE, attributes(url));
}

const [WITHHELD_NAME, WITHHELD_VALUE] = ['chuc-trach', 'tam-giu'];

/**
 * The query of /bao-mat that keeps its withheld-roles notice: login sends a role holder there when their
 * organization requires a second factor they have not turned on, and the token left their roles out.
 */
export const ROLES_WITHHELD_QUERY = `${WITHHELD_NAME}=${WITHHELD_VALUE}`;

export const rolesWithheldIn = (url: URL) => url.searchParams.get(WITHHELD_NAME) === WITHHELD_VALUE;
