import type { UserError } from '@dangvu/subgraph-kit';

export type ReliefKind = 'WAIVER' | 'REDUCTION';
export type ReliefGround = 'PARTY_AGE_50' | 'SOCIAL_PENSION_ALLOWANCE' | 'SPECIAL_HARDSHIP' | 'OTHER_HARDSHIP';

/** The percentages a reduction may take off (Quy định 01-QĐ/TW art. 5). */
export const REDUCTION_PERCENTS = [30, 50, 70] as const;
/** A reduction lasts at most this many months per decision. */
export const MAX_REDUCTION_MONTHS = 12;

/** Organizations whose members' relief their grassroots committee decides: they are not grassroots themselves. */
const DECIDED_ABOVE = new Set(['SUBORDINATE_CELL', 'PARTIAL_COMMITTEE', 'PARTY_GROUP']);

/**
 * The body that decides a member's waiver or reduction (docs/rules/dues-obligations.md#who-decides): a cell
 * under a grassroots committee proposes and the grassroots committee decides; a grassroots cell (or any other
 * organization the member belongs to directly) decides itself. `path` is the member's organization's path,
 * outermost first, as far as the types are known; null when the deciding body cannot be told.
 */
export function decidingOrganization<O extends { orgId: string; type: string }>(path: readonly O[], memberOrgId: string): O | null {
  const at = path.findIndex((org) => org.orgId === memberOrgId);
  if (at < 0) return null;
  if (!DECIDED_ABOVE.has(path[at]!.type)) return path[at]!;
  for (let i = at - 1; i >= 0; i--) if (path[i]!.type === 'GRASSROOTS_COMMITTEE') return path[i]!;
  return null;
}

export interface ReliefInput {
  kind: ReliefKind;
  ground: ReliefGround;
  percent?: number | null;
  /** YYYY-MM */
  fromMonth: string;
  untilMonth?: string | null;
  reference: string;
  /** YYYY-MM-DD */
  decidedOn: string;
  applicationReference?: string | null;
}

const monthsBetween = (from: string, until: string) => (Number(until.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(until.slice(5, 7)) - Number(from.slice(5, 7)) + 1;

const error = (code: string, field: string, message: string): UserError => ({ code, field, message });

/** What is wrong with a decision as written, before anything is recorded; `today` is Vietnam's day. */
export function reliefErrors(input: ReliefInput, today: string): UserError[] {
  const errors: UserError[] = [];
  if (!input.reference.trim()) errors.push(error('REFERENCE_REQUIRED', 'reference', 'Hãy ghi số, ký hiệu của quyết định.'));
  if (input.decidedOn > today) errors.push(error('DECIDED_IN_FUTURE', 'decidedOn', 'Ngày quyết định không được sau hôm nay.'));
  if (input.untilMonth && input.untilMonth < input.fromMonth) errors.push(error('INVALID_PERIOD', 'untilMonth', 'Tháng kết thúc không được trước tháng bắt đầu.'));
  if (input.kind === 'REDUCTION') {
    if (!REDUCTION_PERCENTS.includes(input.percent as (typeof REDUCTION_PERCENTS)[number])) {
      errors.push(error('INVALID_PERCENT', 'percent', 'Mức giảm chỉ có thể là 30%, 50% hoặc 70%.'));
    }
    if (input.ground !== 'OTHER_HARDSHIP') errors.push(error('GROUND_NOT_FOR_REDUCTION', 'ground', 'Chỉ giảm đảng phí cho đảng viên có khó khăn khác; các trường hợp còn lại là miễn.'));
    if (!input.untilMonth) errors.push(error('UNTIL_MONTH_REQUIRED', 'untilMonth', 'Quyết định giảm đảng phí phải ghi tháng kết thúc.'));
    else if (input.untilMonth >= input.fromMonth && monthsBetween(input.fromMonth, input.untilMonth) > MAX_REDUCTION_MONTHS) {
      errors.push(error('REDUCTION_TOO_LONG', 'untilMonth', `Mỗi quyết định giảm đảng phí tối đa ${MAX_REDUCTION_MONTHS} tháng.`));
    }
  } else if (input.percent != null) {
    errors.push(error('INVALID_PERCENT', 'percent', 'Quyết định miễn không ghi mức giảm.'));
  }
  if ((input.ground === 'SPECIAL_HARDSHIP' || input.ground === 'OTHER_HARDSHIP') && !input.applicationReference?.trim()) {
    errors.push(error('APPLICATION_REQUIRED', 'applicationReference', 'Miễn, giảm vì hoàn cảnh khó khăn cần có đơn của đảng viên: hãy ghi đơn (ngày, nội dung).'));
  }
  return errors;
}
