import { GATEWAY_URL } from '$app/env/private';
import { error, redirect, type Cookies } from '@sveltejs/kit';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { createGraphQLClient, errorCode } from '#lib/graphql/client.ts';
import { clearToken } from '#lib/session.ts';

interface ServerEvent {
  locals: App.Locals;
  cookies: Cookies;
  url: URL;
  fetch: typeof fetch;
}

/**
 * Runs one query for a server load as the signed-in visitor, and returns it with the urql state the page
 * hydrates from. No session, or one the gateway no longer accepts, sends the visitor to the login page.
 */
export async function querySignedIn<Data, Variables extends Record<string, unknown>>(
  event: ServerEvent,
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
) {
  if (!event.locals.token) redirect(303, '/dang-nhap');
  const { client, ssr } = createGraphQLClient({ url: GATEWAY_URL, fetch: event.fetch, token: event.locals.token, isClient: false });
  const result = await client.query(document, variables).toPromise();
  const code = errorCode(result.error);
  if (code === 'UNAUTHENTICATED') {
    clearToken(event.cookies, event.url);
    redirect(303, '/dang-nhap');
  }
  if (code === 'FORBIDDEN') error(403, 'Đồng chí không có quyền xem trang này.');
  if (code === 'NOT_FOUND' || code === 'BAD_USER_INPUT') error(404, 'Không tìm thấy trang này.');
  if (code) error(502, 'Chưa tải được dữ liệu. Vui lòng thử lại sau ít phút.');
  return { data: result.data as Data, urqlState: ssr.extractData() };
}

/** Like querySignedIn, but a part the visitor may not see is simply left out (null) instead of a 403 page. */
export async function queryIfAllowed<Data, Variables extends Record<string, unknown>>(
  event: ServerEvent,
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
): Promise<Data | null> {
  if (!event.locals.token) return null;
  const { client } = createGraphQLClient({ url: GATEWAY_URL, fetch: event.fetch, token: event.locals.token, isClient: false });
  const result = await client.query(document, variables).toPromise();
  return result.error ? null : (result.data ?? null);
}

/** Runs a mutation from a form action as the signed-in visitor. */
export async function mutateSignedIn<Data, Variables extends Record<string, unknown>>(
  event: ServerEvent,
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
) {
  if (!event.locals.token) redirect(303, '/dang-nhap');
  const { client } = createGraphQLClient({ url: GATEWAY_URL, fetch: event.fetch, token: event.locals.token, isClient: false });
  const result = await client.mutation(document, variables).toPromise();
  const code = errorCode(result.error);
  if (code === 'UNAUTHENTICATED') {
    clearToken(event.cookies, event.url);
    redirect(303, '/dang-nhap');
  }
  return { data: result.data, code };
}
