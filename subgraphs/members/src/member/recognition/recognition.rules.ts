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
export function recognitionError(member: Pick<MemberRow, 'membershipKind' | 'joinedOn' | 'activityStatus'>, decidedOn: string): UserError | null {
  if (member.membershipKind === 'OFFICIAL') return { code: 'NOT_PROBATIONARY', field: 'memberId', message: 'Đảng viên này đã là đảng viên chính thức.' };
  if (isTerminal(member.activityStatus)) {
    return { code: 'STATUS_DOES_NOT_ALLOW', field: 'memberId', message: 'Không thể công nhận chính thức cho người không còn là đảng viên.' };
  }
  const ends = probationEnds(member.joinedOn);
  if (decidedOn < ends) {
    const [year, month, day] = ends.split('-');
    return {
      code: 'PROBATION_NOT_OVER',
      field: 'decision.decidedOn',
      message: `Chưa hết 12 tháng dự bị: chỉ công nhận chính thức từ ngày ${day}/${month}/${year} trở đi.`,
    };
  }
  return null;
}
