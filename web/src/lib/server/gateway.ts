import { GATEWAY_URL } from '$app/env/private';
import { error, redirect, type Cookies } from '@sveltejs/kit';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { Client, fetchExchange, type CombinedError } from '@urql/core';
import { signInAddress } from '#lib/return-to.ts';
import { clearToken, REFRESH_COOKIE, saveToken, type SessionTokens } from '#lib/session.ts';
import { LogoutMutation, RefreshSessionMutation } from './session.graphql.ts';

interface ServerEvent {
  locals: App.Locals;
  cookies: Cookies;
  url: URL;
  fetch: typeof fetch;
}

/** What the API answered: the data, and the code and message of its first error if it refused. */
export interface Outcome<Data> {
  data: Data | undefined;
  code: string | null;
  message: string | null;
  /** Data came, and every error is a part whose service cannot be reached (null there): the page shows the rest. */
  partial: boolean;
}

function codeOf(failure: CombinedError | undefined) {
  if (!failure) return null;
  if (failure.response?.status === 401) return 'UNAUTHENTICATED';
  const code = failure.graphQLErrors[0]?.extensions?.code;
  return typeof code === 'string' ? code : 'INTERNAL';
}

/** A client per call, never shared between visitors; POST always, since Apollo's CSRF guard refuses the GETs urql would send for short queries. */
const clientFor = (event: ServerEvent, token: string | null, idempotencyKey: string | null = null) =>
  new Client({
    url: GATEWAY_URL,
    fetch: event.fetch,
    preferGetMethod: false,
    exchanges: [fetchExchange],
    fetchOptions: {
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
      },
    },
  });

const mutationsSent = new WeakMap<App.Locals, number>();

/**
 * The key of the form submission this request carries, numbered per mutation the action sends: the same
 * submission sent again sends the same mutations in the same order under the same keys (docs/api.md#retries).
 */
function mutationKey(event: ServerEvent): string | null {
  const key = event.locals.idempotencyKey;
  if (!key) return null;
  const sent = (mutationsSent.get(event.locals) ?? 0) + 1;
  mutationsSent.set(event.locals, sent);
  return `${key}.${sent}`;
}

/**
 * Renews the visitor's access token with their refresh token (docs/rules/accounts.md#refresh), each refresh
 * token used once, and keeps the new pair in their cookies; null when there is no session to renew. A session
 * the API ended is forgotten here too; one that another request of the visitor's renewed a moment before keeps
 * the cookies that request set.
 */
export function renewSession(event: ServerEvent): Promise<SessionTokens | null> {
  // The loads of one page run side by side and share the request's cookies: they share one renewal too.
  if (!renewals.has(event.cookies)) renewals.set(event.cookies, renew(event));
  return renewals.get(event.cookies)!;
}

const renewals = new WeakMap<Cookies, Promise<SessionTokens | null>>();

async function renew(event: ServerEvent): Promise<SessionTokens | null> {
  const refreshToken = event.cookies.get(REFRESH_COOKIE);
  if (!refreshToken) return null;
  const { data } = await clientFor(event, null).mutation(RefreshSessionMutation, { input: { refreshToken } }).toPromise();
  const renewed = data?.refreshSession;
  if (renewed?.token && renewed.expiresAt && renewed.refreshToken && renewed.refreshExpiresAt) {
    const session = { token: renewed.token, expiresAt: renewed.expiresAt, refresh: { token: renewed.refreshToken, expiresAt: renewed.refreshExpiresAt } };
    saveToken(event.cookies, event.url, session.token, session.expiresAt, session.refresh);
    event.locals.token = session.token;
    return session;
  }
  if (renewed && renewed.userErrors[0]?.code !== 'SESSION_JUST_RENEWED') clearToken(event.cookies, event.url);
  return null;
}

/** Signs the visitor out: the API ends their session, whose tokens then stop working within seconds, and this server forgets it. */
export async function signOut(event: ServerEvent) {
  const refreshToken = event.cookies.get(REFRESH_COOKIE);
  if (refreshToken) await clientFor(event, null).mutation(LogoutMutation, { input: { refreshToken } }).toPromise();
  clearToken(event.cookies, event.url);
}

/**
 * One operation against the gateway with `token`. A token the gateway refuses (expired, its session ended, its
 * roles changed) is renewed once with the refresh token and the operation sent again: the refusal comes before
 * anything runs.
 */
async function send<Data, Variables extends Record<string, unknown>>(
  event: ServerEvent,
  token: string | null,
  kind: 'query' | 'mutation',
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
): Promise<Outcome<Data>> {
  const idempotencyKey = kind === 'mutation' ? mutationKey(event) : null;
  let result = await clientFor(event, token, idempotencyKey)[kind](document, variables).toPromise();
  let code = codeOf(result.error);
  if (code === 'UNAUTHENTICATED' && token) {
    const renewed = await renewSession(event);
    if (renewed) {
      result = await clientFor(event, renewed.token, idempotencyKey)[kind](document, variables).toPromise();
      code = codeOf(result.error);
    }
  }
  if (code === 'UNAUTHENTICATED') {
    // No session, or one the gateway no longer accepts: the visitor signs in again, and comes back here.
    clearToken(event.cookies, event.url);
    redirect(303, signInAddress(event.url));
  }
  const errors = result.error?.graphQLErrors ?? [];
  const partial = result.data != null && errors.length > 0 && !result.error?.networkError && errors.every((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE');
  return { data: result.data, code, message: result.error?.graphQLErrors[0]?.message ?? null, partial };
}

/** Runs a query as the visitor, for a load that shows the API's refusals itself. */
export const query = <Data, Variables extends Record<string, unknown>>(
  event: ServerEvent,
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
) => send(event, event.locals.token, 'query', document, variables);

/** Runs a page's query as the visitor: a refusal becomes the error page (403, 404, 503 naming a part out of reach, or 502 when the API failed); parts out of reach inside what the page shows stay null. */
export async function loadQuery<Data, Variables extends Record<string, unknown>>(
  event: ServerEvent,
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
): Promise<Data> {
  const { data, code, message, partial } = await query(event, document, variables);
  // A part whose service is down is null inside what the page shows, and the page says so; a page whose
  // very subject did not come is the error page, saying which part is missing.
  if (partial && data && Object.values(data).every((value) => value !== null)) return data;
  if (code === 'SERVICE_UNAVAILABLE') error(503, message ?? 'Hệ thống tạm thời không phản hồi. Vui lòng thử lại sau ít phút.');
  if (code === 'FORBIDDEN') error(403, 'Đồng chí không có quyền xem trang này.');
  if (code === 'NOT_FOUND' || code === 'BAD_USER_INPUT') error(404, 'Không tìm thấy trang này.');
  if (code || !data) error(502, 'Chưa tải được dữ liệu. Vui lòng thử lại sau ít phút.');
  return data;
}

/**
 * Runs a form action's mutation as the visitor. Actions run without the layout's load, and the API would
 * only call a visitor without a session forbidden: they sign in first instead.
 */
export function mutate<Data, Variables extends Record<string, unknown>>(
  event: ServerEvent,
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
): Promise<Outcome<Data>> {
  if (!event.locals.token) redirect(303, signInAddress(event.url));
  return send(event, event.locals.token, 'mutation', document, variables);
}

/** Runs a mutation without the visitor's session: signing in, where a stale cookie must not stand in the way. */
export const mutateAnonymously = <Data, Variables extends Record<string, unknown>>(
  event: ServerEvent,
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
) => send(event, null, 'mutation', document, variables);
