import type { Cookies } from '@sveltejs/kit';

type CookieOptions = Parameters<Cookies['set']>[2];

export const TOKEN_COOKIE = 'dangvu_token';
/** The refresh token that renews the access token (docs/rules/accounts.md#refresh): sent to this server only. */
export const REFRESH_COOKIE = 'dangvu_refresh';
/** When the session ends unless renewed (the refresh token's own end), for the page's warning before it. */
export const SESSION_UNTIL_COOKIE = 'dangvu_phien_den';

/**
 * Kit's own default marks a cookie secure everywhere but http://localhost, and a browser drops a secure
 * cookie sent over plain http from any other host (a LAN address, say): state it from the request instead.
 */
const attributes = (url: URL) => ({ path: '/', httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:' }) as const;

const secondsUntil = (instant: string) => Math.max(0, Math.floor((Date.parse(instant) - Date.now()) / 1000));

/** A renewed session as the API gives it: the access token, and the refresh token that renews it. */
export interface SessionTokens {
  token: string;
  expiresAt: string;
  refresh?: { token: string; expiresAt: string };
}

/**
 * The cookies that keep a session, as `cookies.set` and `cookies.serialize` take them: the gateway token where
 * page scripts cannot read it, for as long as the token itself is valid, and the refresh token, for as long as
 * that one is, beside the instant it ends.
 */
export function sessionCookies(url: URL, { token, expiresAt, refresh }: SessionTokens): [string, string, CookieOptions][] {
  const cookies: [string, string, CookieOptions][] = [[TOKEN_COOKIE, token, { ...attributes(url), maxAge: secondsUntil(expiresAt) }]];
  if (refresh) {
    const until = { ...attributes(url), maxAge: secondsUntil(refresh.expiresAt) };
    cookies.push([REFRESH_COOKIE, refresh.token, until], [SESSION_UNTIL_COOKIE, refresh.expiresAt, until]);
  }
  return cookies;
}

export function saveToken(cookies: Cookies, url: URL, token: string, expiresAt: string, refresh?: SessionTokens['refresh']) {
  for (const [name, value, options] of sessionCookies(url, { token, expiresAt, refresh })) cookies.set(name, value, options);
}

export function clearToken(cookies: Cookies, url: URL) {
  cookies.delete(TOKEN_COOKIE, attributes(url));
  cookies.delete(REFRESH_COOKIE, attributes(url));
  cookies.delete(SESSION_UNTIL_COOKIE, attributes(url));
}

/** When the visitor's session ends unless renewed, as an ISO instant; null without a renewable session. */
export function sessionEndsAt(cookies: Cookies): string | null {
  const until = cookies.get(SESSION_UNTIL_COOKIE);
  return until && cookies.get(REFRESH_COOKIE) && !Number.isNaN(Date.parse(until)) ? until : null;
}

const [WITHHELD_NAME, WITHHELD_VALUE] = ['chuc-trach', 'tam-giu'];

/**
 * The query of /bao-mat that keeps its withheld-roles notice: login sends a role holder there when their
 * organization requires a second factor they have not turned on, and the token left their roles out.
 */
export const ROLES_WITHHELD_QUERY = `${WITHHELD_NAME}=${WITHHELD_VALUE}`;

export const rolesWithheldIn = (url: URL) => url.searchParams.get(WITHHELD_NAME) === WITHHELD_VALUE;
