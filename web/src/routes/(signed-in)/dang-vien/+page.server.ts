import type { ActivityStatus, MembershipKind } from '#lib/graphql/generated/graphql.ts';
import { query } from '#lib/server/gateway.ts';
import { MemberSearchQuery } from './member-search.graphql.ts';
import type { PageServerLoad } from './$types';

const PAGE = 20;
const FORBIDDEN = 'Chỉ bí thư, phó bí thư, ủy viên quản lý tài chính và quản trị viên được tìm đảng viên.';

/** The register search, driven by the URL (?q=…&trang-thai=…&loai=…&sau=…) so a result can be bookmarked. */
export const load: PageServerLoad = async (event) => {
  const { url } = event;
  const { viewer } = await event.parent();
  const typed = url.searchParams.get('q')?.trim() ?? '';
  const status = (url.searchParams.get('trang-thai') || null) as ActivityStatus | null;
  const kind = (url.searchParams.get('loai') || null) as MembershipKind | null;
  const after = url.searchParams.get('sau');
  const criteria = { query: typed, status, kind };
  // The menu offers the search only to those who may; this says why to anyone who comes here all the same.
  if (viewer && !viewer.canSearch) return { criteria, result: null, message: FORBIDDEN, nextQuery: null, allowed: false };
  if (!typed && !status && !kind) return { criteria, result: null, message: null, nextQuery: null, allowed: true };
  const filter = { ...(typed ? { query: typed } : {}), ...(status ? { activityStatus: [status] } : {}), ...(kind ? { membershipKind: kind } : {}) };
  const { data, code, message } = await query(event, MemberSearchQuery, { filter, first: PAGE, after });
  const messages: Record<string, string> = { FORBIDDEN, BAD_USER_INPUT: message ?? 'Điều kiện tìm kiếm không hợp lệ.' };
  if (code || !data) {
    return { criteria, result: null, message: messages[code ?? ''] ?? 'Chưa tìm được. Vui lòng thử lại sau ít phút.', nextQuery: null, allowed: true };
  }
  const next = new URLSearchParams(url.searchParams);
  if (data.members.pageInfo.endCursor) next.set('sau', data.members.pageInfo.endCursor);
  return { criteria, result: data.members, message: null, nextQuery: data.members.pageInfo.hasNextPage ? (`?${next}` as const) : null, allowed: true };
};
