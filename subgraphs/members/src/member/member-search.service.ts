import { forbidden, parseId, type RequestContext } from '@dangvu/subgraph-kit';
import type { ViewRecorder } from '../audit/view-recorder.ts';
import type { Repositories } from '../repositories.ts';
import type { MemberRow, MemberSearchRow } from './member.repository.ts';
import {
  checkPageSize,
  CITIZEN_ID_SEARCHER_ROLES,
  decodeCursor,
  encodeCursor,
  intersectSubtrees,
  parseSearchQuery,
  reachOf,
  SEARCHER_ROLES,
} from './member-search.rules.ts';

export interface MemberFilter {
  query?: string | null;
  organizationId?: string | null;
  activityStatus?: MemberRow['activityStatus'][] | null;
  membershipKind?: MemberRow['membershipKind'] | null;
}

export interface MemberConnection {
  edges: { cursor: string; node: MemberRow }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const EMPTY: MemberConnection = { edges: [], pageInfo: { hasNextPage: false, endCursor: null } };

const keyOf = ({ rank, nameSearch, id }: MemberSearchRow) => ({ rank, name: nameSearch, id });

/**
 * The register search a Vietnamese user expects: a name without diacritics or case, words in any order
 * ("an nguyen" finds "Nguyễn Văn An"), or exactly a citizen ID or a card number; filtered by status, kind and
 * organization subtree; keyset-paginated. Results never leave the caller's reach: the subtrees where they are
 * secretary, deputy, administrator or finance member, or the whole register for a partner with `members:read`.
 */
export function memberSearchService({ members: repository }: Pick<Repositories, 'members'>, views: ViewRecorder, { identity }: RequestContext) {
  const partner = identity.partner?.scopes.includes('members:read') ?? false;

  return {
    async search(filter: MemberFilter, first: number | null, after: string | null): Promise<MemberConnection> {
      // null: the whole register.
      let subtrees: string[] | null = partner ? null : reachOf(identity, SEARCHER_ROLES);
      if (subtrees?.length === 0) throw forbidden();

      const limit = checkPageSize(first);
      const match = parseSearchQuery(filter.query);
      const ranked = match?.kind === 'name';
      const key = after === null ? null : decodeCursor(after, ranked);
      const organizationId = filter.organizationId == null ? null : parseId(filter.organizationId);

      if (match?.kind === 'citizenId' && subtrees !== null) {
        subtrees = reachOf(identity, CITIZEN_ID_SEARCHER_ROLES);
        if (subtrees.length === 0) throw forbidden();
      }
      if (organizationId) {
        // An organization outside every subtree the caller reaches (or with no member under it) gives an empty
        // page, not FORBIDDEN: the answer is the same as for an organization that does not exist, so it tells
        // an officer nothing about the rest of the tree.
        const root = await repository.subtreePathOf(organizationId);
        subtrees = root === null ? [] : intersectSubtrees(subtrees, root);
        if (subtrees.length === 0) return EMPTY;
      }

      const rows = await repository.search({
        subtrees,
        citizenId: match?.kind === 'citizenId' ? match.citizenId : undefined,
        cardNumber: match?.kind === 'cardNumber' ? match.cardNumber : undefined,
        words: match?.kind === 'name' ? match.words : undefined,
        activityStatus: filter.activityStatus ?? undefined,
        membershipKind: filter.membershipKind ?? undefined,
        after: key,
        limit: limit + 1,
      });
      const page = rows.slice(0, limit);
      // Every record a partner system reaches is attributed to it in the audit trail (as in __resolveReference).
      if (identity.partner) for (const row of page) views.record(row);
      return {
        edges: page.map((node) => ({ cursor: encodeCursor(keyOf(node)), node })),
        pageInfo: { hasNextPage: rows.length > limit, endCursor: page.length ? encodeCursor(keyOf(page.at(-1)!)) : null },
      };
    },
  };
}

export type MemberSearchService = ReturnType<typeof memberSearchService>;
