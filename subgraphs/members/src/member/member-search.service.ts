import { and, asc, eq, gt, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import { tables, type Db } from '@dangvu/drizzle';
import { appError, forbidden, parseId, type RequestContext, type Role } from '@dangvu/subgraph-kit';
import type { MemberRow } from './member.repository.ts';

const { members } = tables;

/** Who may look people up: officers over a subtree, and partner systems reading the register. */
const SEARCHERS: readonly Role[] = ['SECRETARY', 'DEPUTY_SECRETARY', 'ADMIN', 'FINANCE_MEMBER'];
/** Looking a person up by citizen ID is itself use of personal data. */
const CITIZEN_ID_SEARCHERS: readonly Role[] = ['SECRETARY', 'DEPUTY_SECRETARY', 'ADMIN'];

export interface MemberFilter {
  query?: string | null;
  organizationId?: string | null;
  activityStatus?: MemberRow['activityStatus'][] | null;
  membershipKind?: MemberRow['membershipKind'] | null;
}

const badInput = (message: string) => appError('BAD_USER_INPUT', message);

function encodeCursor(row: MemberRow): string {
  return Buffer.from(JSON.stringify([row.nameSearch, row.id])).toString('base64url');
}

function decodeCursor(cursor: string): [string, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') {
      return [value[0], parseId(value[1])];
    }
  } catch {
    // falls through to the error below
  }
  throw badInput('Con trỏ trang (after) không hợp lệ.');
}

/**
 * The register search a Vietnamese user expects: a name without diacritics or case, words in any order
 * ("nguyen an" finds "Nguyễn Văn An"), or exactly a citizen ID or a card number; filtered by status, kind and
 * organization subtree; always within the caller's own subtrees; keyset-paginated by name.
 */
export function memberSearchService(db: Db, { identity }: RequestContext) {
  return {
    async search(filter: MemberFilter, first: number, after: string | null) {
      if (!Number.isInteger(first) || first < 1 || first > 100) throw badInput('Số kết quả mỗi trang (first) phải từ 1 đến 100.');
      const partner = identity.partner?.scopes.includes('members:read') ?? false;
      const reach = identity.grants.filter((grant) => SEARCHERS.includes(grant.role)).map((grant) => grant.orgPath);
      if (!partner && reach.length === 0) throw forbidden();

      const conditions: SQL[] = [];
      if (!partner) conditions.push(or(...reach.map((path) => like(members.orgPath, `${path}%`)))!);
      const text = filter.query?.trim() ?? '';
      if (filter.query != null && text.length < 2) throw badInput('Hãy nhập ít nhất 2 ký tự để tìm.');
      if (/^\d{12}$/.test(text)) {
        const allowed = partner || identity.grants.some((grant) => CITIZEN_ID_SEARCHERS.includes(grant.role));
        if (!allowed) throw forbidden();
        conditions.push(eq(members.citizenId, text));
      } else if (/^[A-Za-z]{2,3}\.\d{8}$/.test(text)) {
        conditions.push(eq(members.cardNumber, text.toUpperCase()));
      } else if (text) {
        for (const word of text.split(/\s+/)) {
          conditions.push(sql`${members.nameSearch} like '%' || members.search_text(${word}) || '%'`);
        }
      }
      if (filter.organizationId) conditions.push(like(members.orgPath, `%/${parseId(filter.organizationId)}/%`));
      if (filter.activityStatus?.length) conditions.push(inArray(members.activityStatus, filter.activityStatus));
      if (filter.membershipKind) conditions.push(eq(members.membershipKind, filter.membershipKind));
      if (after) {
        const [name, id] = decodeCursor(after);
        conditions.push(or(gt(members.nameSearch, name), and(eq(members.nameSearch, name), gt(members.id, id)))!);
      }

      const rows = await db
        .select()
        .from(members)
        .where(and(...conditions))
        .orderBy(asc(members.nameSearch), asc(members.id))
        .limit(first + 1);
      const page = rows.slice(0, first);
      return {
        edges: page.map((node) => ({ cursor: encodeCursor(node), node })),
        pageInfo: { hasNextPage: rows.length > first, endCursor: page.length ? encodeCursor(page.at(-1)!) : null },
      };
    },
  };
}

export type MemberSearchService = ReturnType<typeof memberSearchService>;
