import type { ActivityStatus, MembershipKind } from '#lib/graphql/generated/graphql.ts';
import { query } from '#lib/server/gateway.ts';
import { cardTail, namesakes } from '#lib/namesakes.ts';
import { MemberBirthQuery, MemberSearchQuery } from './member-search.graphql.ts';
import type { PageServerLoad } from './$types';

const PAGE = 20;
const FORBIDDEN = 'Chỉ bí thư, phó bí thư, ủy viên quản lý tài chính và quản trị viên được tìm đảng viên.';

type QueryEvent = Parameters<typeof query>[0];

/**
 * What tells namesakes on the page apart, by member id: the end of the card number, and the year of birth for
 * a viewer who may read birth dates (read for the namesakes alone, each read recorded by the API).
 */
async function namesakeDetails(event: QueryEvent, members: readonly { id: string; fullName: string; cardNumber?: string | null }[]) {
  const ids = namesakes(members);
  const births = await Promise.all([...ids].map(async (id) => [id, (await query(event, MemberBirthQuery, { id })).data?.member?.birthDate ?? null] as const));
  const born = new Map(births);
  return Object.fromEntries(
    members
      .filter((member) => ids.has(member.id))
      .map((member) => {
        const card = cardTail(member.cardNumber);
        const year = born.get(member.id)?.slice(0, 4);
        return [member.id, [card && `thẻ ${card}`, year && `sinh năm ${year}`].filter(Boolean).join(' · ')] as const;
      })
      .filter(([, said]) => said !== ''),
  );
}

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
  if (viewer && !viewer.canSearch) return { criteria, result: null, message: FORBIDDEN, nextQuery: null, allowed: false, told: {} as Record<string, string> };
  if (!typed && !status && !kind) return { criteria, result: null, message: null, nextQuery: null, allowed: true, told: {} as Record<string, string> };
  const filter = { ...(typed ? { query: typed } : {}), ...(status ? { activityStatus: [status] } : {}), ...(kind ? { membershipKind: kind } : {}) };
  const { data, code, message } = await query(event, MemberSearchQuery, { filter, first: PAGE, after });
  const messages: Record<string, string> = { FORBIDDEN, BAD_USER_INPUT: message ?? 'Điều kiện tìm kiếm không hợp lệ.' };
  if (code || !data) {
    return { criteria, result: null, message: messages[code ?? ''] ?? 'Chưa tìm được. Vui lòng thử lại sau ít phút.', nextQuery: null, allowed: true, told: {} as Record<string, string> };
  }
  const next = new URLSearchParams(url.searchParams);
  if (data.members.pageInfo.endCursor) next.set('sau', data.members.pageInfo.endCursor);
  const told = await namesakeDetails(event, data.members.edges.map((edge) => edge.node));
  return { criteria, result: data.members, message: null, nextQuery: data.members.pageInfo.hasNextPage ? (`?${next}` as const) : null, allowed: true, told };
};
