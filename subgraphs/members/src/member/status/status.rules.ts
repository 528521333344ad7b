import type { UserError } from '@dangvu/subgraph-kit';
import type { MemberRow } from '../member.repository.ts';

export type ActivityStatus = MemberRow['activityStatus'];
export type StatusChangeKind = 'EXEMPTION' | 'TEMPORARY_EXEMPTION' | 'RETURN_TO_ACTIVITY' | 'ABROAD' | 'REMOVAL' | 'EXPULSION' | 'DEATH' | 'LEFT_SYSTEM';

/** The statuses after which nothing changes any more (docs/rules/member-status.md#terminal-statuses). */
export const TERMINAL_STATUSES: readonly ActivityStatus[] = ['REMOVED', 'EXPELLED', 'DECEASED', 'TRANSFERRED_OUT'];
const LIVE: readonly ActivityStatus[] = ['ACTIVE', 'EXEMPT', 'TEMP_EXEMPT', 'TEMP_AWAY', 'ABROAD'];

/** Each procedure: the status it gives, the statuses it starts from, how a message names it (docs/rules/member-status.md). */
export const STATUS_CHANGES: Record<StatusChangeKind, { to: ActivityStatus; from: readonly ActivityStatus[]; label: string }> = {
  EXEMPTION: { to: 'EXEMPT', from: ['ACTIVE', 'TEMP_EXEMPT'], label: 'miễn công tác và sinh hoạt đảng' },
  TEMPORARY_EXEMPTION: { to: 'TEMP_EXEMPT', from: ['ACTIVE'], label: 'tạm miễn sinh hoạt đảng' },
  RETURN_TO_ACTIVITY: { to: 'ACTIVE', from: ['EXEMPT', 'TEMP_EXEMPT', 'ABROAD'], label: 'trở lại sinh hoạt đảng' },
  ABROAD: { to: 'ABROAD', from: ['ACTIVE', 'EXEMPT', 'TEMP_EXEMPT'], label: 'ghi nhận đảng viên ở nước ngoài' },
  REMOVAL: { to: 'REMOVED', from: LIVE, label: 'xóa tên trong danh sách đảng viên' },
  EXPULSION: { to: 'EXPELLED', from: LIVE, label: 'khai trừ ra khỏi Đảng' },
  DEATH: { to: 'DECEASED', from: LIVE, label: 'ghi nhận đảng viên từ trần' },
  LEFT_SYSTEM: { to: 'TRANSFERRED_OUT', from: LIVE, label: 'ghi nhận đảng viên chuyển ra khỏi hệ thống' },
};

export const STATUS_NAMES: Record<ActivityStatus, string> = {
  ACTIVE: 'đang sinh hoạt',
  EXEMPT: 'miễn công tác và sinh hoạt đảng',
  TEMP_EXEMPT: 'tạm miễn sinh hoạt',
  TEMP_AWAY: 'sinh hoạt tạm thời nơi khác',
  ABROAD: 'ở nước ngoài',
  IN_TRANSFER: 'đang chuyển sinh hoạt',
  REMOVED: 'đã bị xóa tên',
  EXPELLED: 'đã bị khai trừ',
  DECEASED: 'đã từ trần',
  TRANSFERRED_OUT: 'đã chuyển ra khỏi hệ thống',
};

export const isTerminal = (status: ActivityStatus) => TERMINAL_STATUSES.includes(status);

/** Why the member's present status does not allow the procedure, or null. */
export function statusFitError(kind: StatusChangeKind, status: ActivityStatus): UserError | null {
  const { from, label } = STATUS_CHANGES[kind];
  if (from.includes(status)) return null;
  return { code: 'STATUS_DOES_NOT_ALLOW', field: 'kind', message: `Không thể ${label} khi đảng viên ${STATUS_NAMES[status]}.` };
}

/** The decision record as given: the day, its reference, the name of the scanned document. */
export interface DecisionInput {
  decidedOn: string;
  reference: string;
  attachmentName?: string | null;
}

/** Every problem with a decision record, each naming its field; `today` is the calendar day in Vietnam. */
export function decisionErrors(decision: DecisionInput, today: string, notBefore?: string | null): UserError[] {
  const errors: UserError[] = [];
  const reference = decision.reference.trim();
  if (reference.length < 1 || reference.length > 100) {
    errors.push({ code: 'INVALID_REFERENCE', field: 'decision.reference', message: 'Ghi số, ký hiệu của nghị quyết hoặc quyết định (tối đa 100 ký tự).' });
  }
  if (decision.decidedOn > today) {
    errors.push({ code: 'DECISION_DATE_IN_FUTURE', field: 'decision.decidedOn', message: 'Ngày ra quyết định không được sau hôm nay.' });
  } else if (notBefore && decision.decidedOn < notBefore) {
    errors.push({ code: 'DECISION_BEFORE_APPLICATION', field: 'decision.decidedOn', message: `Ngày ra quyết định phải từ ngày nhận đơn (${notBefore}) trở đi.` });
  }
  const attachment = decision.attachmentName?.trim();
  if (attachment && (attachment.length > 200 || /[/\\]/.test(attachment))) {
    errors.push({ code: 'INVALID_ATTACHMENT_NAME', field: 'decision.attachmentName', message: 'Tên tệp đính kèm không được chứa dấu / hoặc \\ và dài tối đa 200 ký tự.' });
  }
  return errors;
}

/**
 * What sign-in says to a member in a terminal status whose password was right (docs/rules/member-status.md#terminal-statuses):
 * the account was locked by the committee's decision, not by a mistake of theirs; null for any other status.
 */
export function endedMembershipMessage(status: ActivityStatus): UserError | null {
  if (!isTerminal(status)) return null;
  return {
    code: 'MEMBERSHIP_ENDED',
    field: null,
    message: `Tài khoản đã bị khóa vì theo quyết định của cấp ủy, đảng viên ${STATUS_NAMES[status]}. Nếu thông tin này chưa đúng, xin liên hệ văn phòng cấp ủy nơi đồng chí sinh hoạt.`,
  };
}
