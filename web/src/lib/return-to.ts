/**
 * Where a person goes back to after signing in again (docs/rules/web-sessions.md#coming-back): the login
 * page carries the page that was open in its query, and the sign-in leads there instead of the profile.
 */
export const RETURN_PARAM = 'tiep';

/** Pages that make no sense to come back to: the sign-in pages themselves. */
const NOT_RETURNED_TO = ['/dang-nhap', '/dang-xuat', '/kich-hoat'];

/**
 * The page `url` names as a place to come back to, without the name of a form's action (`?/update`: what
 * the action answered is lost with the session, the page is not), or null for the start page.
 */
export function pageOf(url: URL): string | null {
  const search = new URLSearchParams([...url.searchParams].filter(([name]) => !name.startsWith('/')));
  const query = search.size ? `?${search}` : '';
  return url.pathname === '/' ? null : `${url.pathname}${query}`;
}

/** The login page's address that comes back to the page of `url`. */
export function signInAddress(url: URL): string {
  const page = pageOf(url);
  return page ? `/dang-nhap?${new URLSearchParams({ [RETURN_PARAM]: page })}` : '/dang-nhap';
}

/**
 * The page to come back to, as the login page's query or form gave it, when it is a page of this site:
 * another site's address (`//evil.example`, `https://…`, `/\evil`) is never followed.
 */
export function safeReturn(value: string | null | undefined): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return null;
  const base = 'http://dangvu.invalid';
  let target: URL;
  try {
    target = new URL(value, base);
  } catch {
    return null;
  }
  if (target.origin !== base || NOT_RETURNED_TO.some((path) => target.pathname === path || target.pathname.startsWith(`${path}/`))) return null;
  return pageOf(target);
}
