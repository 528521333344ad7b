import { appError, parseId, withinSubtree, type Identity, type Role } from '@dangvu/subgraph-kit';

/**
 * Who may look people up: officers over a subtree, the processing officer and the support team (who find the
 * member they act for); partner systems reading the register are checked apart.
 */
export const SEARCHER_ROLES: readonly Role[] = ['SECRETARY', 'DEPUTY_SECRETARY', 'ADMIN', 'FINANCE_MEMBER', 'PROCESSING_OFFICER', 'SUPPORT_TEAM'];
/**
 * Looking a person up by citizen ID is itself use of personal data: only the roles that may read citizen IDs
 * (permissions.ts, `canSeePersonalData`), and only over the subtrees where they hold such a role.
 */
export const CITIZEN_ID_SEARCHER_ROLES: readonly Role[] = ['SECRETARY', 'DEPUTY_SECRETARY', 'ADMIN'];

export const MIN_PAGE = 1;
export const MAX_PAGE = 100;
const MIN_QUERY = 2;
const MAX_QUERY = 100;
const MAX_WORDS = 8;

const badInput = (message: string) => appError('BAD_USER_INPUT', message);

/** What the `query` text of a search asks for. Name words are as typed; the database normalizes them. */
export type SearchMatch = { kind: 'citizenId'; citizenId: string } | { kind: 'cardNumber'; cardNumber: string } | { kind: 'name'; words: string[] };

/**
 * Reads the search text: 12 digits (spaces allowed, as printed on the card) are a citizen ID, two or three
 * letters, a dot and 8 digits are a party card number, anything else is a name. Other digit strings are
 * refused rather than searched as a name, where they could never match.
 */
export function parseSearchQuery(query: string | null | undefined): SearchMatch | null {
  if (query == null) return null;
  const text = query.trim();
  if (text.length < MIN_QUERY) throw badInput(`Hãy nhập ít nhất ${MIN_QUERY} ký tự để tìm.`);
  if (text.length > MAX_QUERY) throw badInput(`Nội dung tìm kiếm dài tối đa ${MAX_QUERY} ký tự.`);
  const digits = text.replace(/\s+/g, '');
  if (/^\d+$/.test(digits)) {
    if (digits.length !== 12) throw badInput('Số căn cước công dân gồm đúng 12 chữ số.');
    return { kind: 'citizenId', citizenId: digits };
  }
  if (/^[A-Za-z]{2,3}\.\d{8}$/.test(text)) return { kind: 'cardNumber', cardNumber: text.toUpperCase() };
  const words = text.split(/\s+/);
  if (words.length > MAX_WORDS) throw badInput(`Hãy tìm với tối đa ${MAX_WORDS} từ.`);
  return { kind: 'name', words };
}

export function checkPageSize(first: number | null | undefined): number {
  if (first == null || !Number.isInteger(first) || first < MIN_PAGE || first > MAX_PAGE) {
    throw badInput(`Số kết quả mỗi trang (first) phải từ ${MIN_PAGE} đến ${MAX_PAGE}.`);
  }
  return first;
}

/**
 * The subtrees (as path prefixes) where the caller holds one of `roles`, without those inside another one:
 * the union of what their grants reach.
 */
export function reachOf(identity: Identity, roles: readonly Role[]): string[] {
  const paths = [...new Set(identity.grants.filter((grant) => roles.includes(grant.role)).map((grant) => grant.orgPath))];
  return paths.filter((path) => !paths.some((other) => other !== path && withinSubtree(path, other)));
}

/**
 * The part of the subtree rooted at `rootPath` that lies within `reach`; `reach` null is the whole register.
 * Empty when the two do not meet.
 */
export function intersectSubtrees(reach: readonly string[] | null, rootPath: string): string[] {
  if (reach === null) return [rootPath];
  if (reach.some((path) => withinSubtree(rootPath, path))) return [rootPath];
  return reach.filter((path) => withinSubtree(path, rootPath));
}

/**
 * Where a page ends, in the order of the search: for a name, how well the name matched (0 best), then the
 * name without diacritics, then the id; for any other search, the name and the id.
 */
export type SearchKey = { rank: number | null; name: string; id: string };

/** Opaque to clients: base64url of the sort key and the id. */
export function encodeCursor(key: SearchKey): string {
  const value = key.rank === null ? [key.name, key.id] : [key.rank, key.name, key.id];
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** The key a cursor carries, which must belong to a search of the same kind (ranked by name or not). */
export function decodeCursor(cursor: string, ranked: boolean): SearchKey {
  const invalid = () => badInput('Con trỏ trang (after) không hợp lệ. Hãy tìm lại từ trang đầu.');
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(value) || value.length !== (ranked ? 3 : 2)) throw invalid();
  const [rank, name, id] = ranked ? value : [null, ...value];
  if (ranked && !(Number.isInteger(rank) && rank >= 0 && rank <= 4)) throw invalid();
  if (typeof name !== 'string' || name.length > 200 || typeof id !== 'string') throw invalid();
  try {
    return { rank: rank as number | null, name, id: parseId(id) };
  } catch {
    throw invalid();
  }
}
