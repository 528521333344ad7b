import { parseId } from '@dangvu/subgraph-kit';
import type { MemberRow } from '../member/member.repository.ts';
import type { Repositories } from '../repositories.ts';
import { checkPageSize, decodeListCursor, encodeListCursor, nameWords, type MemberListOrder } from './member-list.rules.ts';

export interface MemberListArgs {
  first?: number | null;
  after?: string | null;
  order?: MemberListOrder | null;
  filter?: {
    query?: string | null;
    activityStatus?: MemberRow['activityStatus'][] | null;
    membershipKind?: MemberRow['membershipKind'] | null;
  } | null;
}

export interface MemberListPage {
  totalCount: number;
  edges: { cursor: string; node: MemberRow }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export const MEMBER_LIST_PAGE = 30;

/**
 * An organization's own members a page at a time, for its officers' daily work (docs/rules/member-register.md#cell-list).
 * Who may list them is the shield's rule on the field (LIST_MEMBERS); this decides the page.
 */
export function memberListService({ memberLists }: Pick<Repositories, 'memberLists'>) {
  return {
    async page(orgId: string, args: MemberListArgs): Promise<MemberListPage> {
      const order = args.order ?? 'ROSTER_NUMBER';
      const limit = checkPageSize(args.first ?? MEMBER_LIST_PAGE);
      const offset = args.after == null ? 0 : decodeListCursor(args.after, order);
      const criteria = {
        orgId: parseId(orgId),
        words: nameWords(args.filter?.query),
        activityStatus: args.filter?.activityStatus ?? null,
        membershipKind: args.filter?.membershipKind ?? null,
        order,
        offset,
        limit: limit + 1,
      };
      const [rows, totalCount] = await Promise.all([memberLists.page(criteria), memberLists.count(criteria)]);
      const page = rows.slice(0, limit);
      const edges = page.map((node, index) => ({ cursor: encodeListCursor(order, offset + index + 1), node }));
      return { totalCount, edges, pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null } };
    },
  };
}

export type MemberListService = ReturnType<typeof memberListService>;
