import type { UserError } from '@dangvu/subgraph-kit';
import type { MemberRow } from '../member.repository.ts';
import { addMonths } from '../member.rules.ts';
import { isTerminal } from '../status/status.rules.ts';

/** Probation lasts twelve months from admission (docs/rules/member-register.md#probation). */
export const PROBATION_MONTHS = 12;

/** The day probation ends: the official date a recognition gives. */
export const probationEnds = (joinedOn: string) => addMonths(joinedOn, PROBATION_MONTHS);

/**
 * Why the member cannot be recognized as official by a decision of `decidedOn`, or null
 * (docs/rules/member-register.md#recognition): already official, no longer a member, or probation not over.
 */
export function recognitionError(
  member: Pick<MemberRow, 'membershipKind' | 'joinedOn' | 'activityStatus'>,
  decidedOn: string,
  field = 'decision.decidedOn',
): UserError | null {
  if (member.membershipKind === 'OFFICIAL') return { code: 'NOT_PROBATIONARY', field: 'memberId', message: 'Đảng viên này đã là đảng viên chính thức.' };
  if (isTerminal(member.activityStatus)) {
    return { code: 'STATUS_DOES_NOT_ALLOW', field: 'memberId', message: 'Không thể công nhận chính thức cho người không còn là đảng viên.' };
  }
  const ends = probationEnds(member.joinedOn);
  if (decidedOn < ends) {
    const [year, month, day] = ends.split('-');
    return {
      code: 'PROBATION_NOT_OVER',
      field,
      message: `Chưa hết 12 tháng dự bị: chỉ công nhận chính thức từ ngày ${day}/${month}/${year} trở đi.`,
    };
  }
  return null;
}

/**
 * The organization whose committee decides on the cell's resolution (docs/rules/member-register.md#recognition):
 * the one directly above the member's cell (the grassroots committee over a subordinate cell, the commune-level
 * committee over a grassroots cell); null for a member placed at the top of the tree.
 */
export function competentCommitteePath(memberPath: string): string | null {
  const ids = memberPath.split('/').filter(Boolean);
  return ids.length > 1 ? `/${ids.slice(0, -1).join('/')}/` : null;
}
