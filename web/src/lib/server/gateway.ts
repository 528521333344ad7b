import { GATEWAY_URL } from '$app/env/private';
import { error, redirect, type Cookies } from '@sveltejs/kit';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { Client, fetchExchange, type CombinedError } from '@urql/core';
import { clearToken } from '#lib/session.ts';

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
}

function codeOf(failure: CombinedError | undefined) {
  if (!failure) return null;
  if (failure.response?.status === 401) return 'UNAUTHENTICATED';
  const code = failure.graphQLErrors[0]?.extensions?.code;
  return typeof code === 'string' ? code : 'INTERNAL';
}

/**
 * One operation against the gateway with `token`. A client per call, never shared between visitors; POST
 * always, since Apollo's CSRF guard refuses the GETs urql would send for short queries.
 */
async function send<Data, Variables extends Record<string, unknown>>(
  event: ServerEvent,
  token: string | null,
  kind: 'query' | 'mutation',
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
): Promise<Outcome<Data>> {
  const client = new Client({
    url: GATEWAY_URL,
    fetch: event.fetch,
    preferGetMethod: false,
    exchanges: [fetchExchange],
    fetchOptions: token ? { headers: { authorization: `Bearer ${token}` } } : undefined,
  });
  const result = await client[kind](document, variables).toPromise();
  const code = codeOf(result.error);
  if (code === 'UNAUTHENTICATED') {
    // No session, or one the gateway no longer accepts: the visitor signs in again.
    clearToken(event.cookies, event.url);
    redirect(303, '/dang-nhap');
  }
  return { data: result.data, code, message: result.error?.graphQLErrors[0]?.message ?? null };
}

/** Runs a query as the visitor, for a load that shows the API's refusals itself. */
export const query = <Data, Variables extends Record<string, unknown>>(
  event: ServerEvent,
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
) => send(event, event.locals.token, 'query', document, variables);

/** Runs a page's query as the visitor: a refusal becomes the error page (403, 404, or 502 when the API failed). */
export async function loadQuery<Data, Variables extends Record<string, unknown>>(
  event: ServerEvent,
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
): Promise<Data> {
  const { data, code } = await query(event, document, variables);
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
  if (!event.locals.token) redirect(303, '/dang-nhap');
  return send(event, event.locals.token, 'mutation', document, variables);
}

/** Runs a mutation without the visitor's session: signing in, where a stale cookie must not stand in the way. */
export const mutateAnonymously = <Data, Variables extends Record<string, unknown>>(
  event: ServerEvent,
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
) => send(event, null, 'mutation', document, variables);
