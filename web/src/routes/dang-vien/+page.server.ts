import { GATEWAY_URL } from '$app/env/private';
import { redirect } from '@sveltejs/kit';
import { createGraphQLClient, errorCode } from '#lib/graphql/client.ts';
import type { ActivityStatus, MembershipKind } from '#lib/graphql/generated/graphql.ts';
import { MemberSearchQuery } from '#lib/graphql/operations.ts';
import { clearToken } from '#lib/session.ts';
import type { PageServerLoad } from './$types';

const PAGE = 20;

/** The register search, driven by the URL (?q=…&trang-thai=…&loai=…&sau=…) so a result can be bookmarked. */
export const load: PageServerLoad = async ({ locals, cookies, url, fetch }) => {
  if (!locals.token) redirect(303, '/dang-nhap');
  const query = url.searchParams.get('q')?.trim() ?? '';
  const status = (url.searchParams.get('trang-thai') || null) as ActivityStatus | null;
  const kind = (url.searchParams.get('loai') || null) as MembershipKind | null;
  const after = url.searchParams.get('sau');
  const criteria = { query, status, kind };
  if (!query && !status && !kind) return { criteria, result: null, message: null, nextQuery: null };
  const { client } = createGraphQLClient({ url: GATEWAY_URL, fetch, token: locals.token, isClient: false });
  const filter = { ...(query ? { query } : {}), ...(status ? { activityStatus: [status] } : {}), ...(kind ? { membershipKind: kind } : {}) };
  const result = await client.query(MemberSearchQuery, { filter, first: PAGE, after }).toPromise();
  const code = errorCode(result.error);
  if (code === 'UNAUTHENTICATED') {
    clearToken(cookies, url);
    redirect(303, '/dang-nhap');
  }
  const messages: Record<string, string> = {
    FORBIDDEN: 'Chỉ bí thư, phó bí thư, ủy viên quản lý tài chính và quản trị được tìm đảng viên.',
    BAD_USER_INPUT: result.error?.graphQLErrors[0]?.message ?? 'Điều kiện tìm kiếm không hợp lệ.',
  };
  if (code) return { criteria, result: null, message: messages[code] ?? 'Chưa tìm được. Vui lòng thử lại sau ít phút.', nextQuery: null };
  const members = result.data!.members;
  const next = new URLSearchParams(url.searchParams);
  if (members.pageInfo.endCursor) next.set('sau', members.pageInfo.endCursor);
  return { criteria, result: members, message: null, nextQuery: members.pageInfo.hasNextPage ? (`?${next}` as const) : null };
};
