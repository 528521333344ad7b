import { error } from '@sveltejs/kit';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { query } from './gateway.ts';

type QueryEvent = Parameters<typeof query>[0];

/**
 * Runs a page's query about one record whose answer may leave parts out: a field the viewer may not read
 * (a member's personal data, for a finance member) answers null with FORBIDDEN at its own path, and the page
 * shows the rest. Only a record that did not come at all is the error page, as `loadQuery` makes it.
 */
export async function loadRecord<Data, Variables extends Record<string, unknown>, Found>(
  event: QueryEvent,
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
  recordOf: (data: Data) => Found | null | undefined,
): Promise<NonNullable<Found>> {
  const { data, code } = await query(event, document, variables);
  const record = data ? recordOf(data) : null;
  if (record) return record;
  if (code === 'FORBIDDEN') error(403, 'Đồng chí không có quyền xem trang này.');
  if (code && code !== 'NOT_FOUND' && code !== 'BAD_USER_INPUT') error(502, 'Chưa tải được dữ liệu. Vui lòng thử lại sau ít phút.');
  error(404, 'Không tìm thấy trang này.');
}
