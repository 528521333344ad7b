import { appError } from '@dangvu/subgraph-kit';
import { checkPageSize } from '../member/member-search.rules.ts';

/** How a cell's list is ordered (docs/rules/member-register.md#cell-list). */
export type MemberListOrder = 'ROSTER_NUMBER' | 'NAME';

const MIN_QUERY = 2;
const MAX_QUERY = 100;
const MAX_WORDS = 8;

const badInput = (message: string) => appError('BAD_USER_INPUT', message);

/** The words of a name filter, as typed (the database drops diacritics and case); null for no filter. */
export function nameWords(query: string | null | undefined): string[] | null {
  const text = query?.trim() ?? '';
  if (text === '') return null;
  if (text.length < MIN_QUERY) throw badInput(`Hãy nhập ít nhất ${MIN_QUERY} ký tự của tên để lọc.`);
  if (text.length > MAX_QUERY) throw badInput(`Tên để lọc dài tối đa ${MAX_QUERY} ký tự.`);
  const words = text.split(/\s+/);
  if (words.length > MAX_WORDS) throw badInput(`Hãy lọc với tối đa ${MAX_WORDS} từ.`);
  return words;
}

export { checkPageSize };

/**
 * Opaque to clients: the order and how many members come before the next page. A cell's list is short (tens,
 * a few hundred), so counting past them costs nothing and lets the page say "31–60 of 87".
 */
export function encodeListCursor(order: MemberListOrder, offset: number): string {
  return Buffer.from(JSON.stringify([order, offset])).toString('base64url');
}

/** How many members a cursor skips; a cursor of another order, or not one of ours, is BAD_USER_INPUT. */
export function decodeListCursor(cursor: string, order: MemberListOrder): number {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = null;
  }
  if (!Array.isArray(value) || value[0] !== order || !Number.isInteger(value[1]) || (value[1] as number) < 1) {
    throw badInput('Con trỏ trang (after) không hợp lệ cho thứ tự này; hãy bắt đầu lại từ trang đầu.');
  }
  return value[1] as number;
}
