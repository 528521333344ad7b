import type { TransferAction, TransferDeadline, TransferDeadlineKind, TransferInboxReason, TransferSide } from '#lib/graphql/generated/graphql.ts';

/** What each deadline is, as the dossier names it (docs/rules/transfers.md#deadlines). */
export const DEADLINE_KIND: Record<TransferDeadlineKind, string> = {
  START: 'Hạn bắt đầu chuyển',
  PROCESSING: 'Hạn xử lý',
  PRESENT_LETTER: 'Hạn xuất trình giấy giới thiệu',
  TEMPORARY_END: 'Hết thời gian sinh hoạt tạm thời',
};

/** "còn 12 ngày làm việc", "hạn là hôm nay", "quá hạn 3 ngày làm việc". */
export function deadlineWords(deadline: Pick<TransferDeadline, 'overdue' | 'workingDaysLeft'>): string {
  const days = deadline.workingDaysLeft;
  if (deadline.overdue || days < 0) return `quá hạn ${Math.max(-days, 1)} ngày làm việc`;
  return days === 0 ? 'hạn là hôm nay' : `còn ${days} ngày làm việc`;
}

/** Why a dossier waits on an organization, as its inbox says it. */
export const INBOX_REASON: Record<TransferInboxReason, string> = {
  REVIEW: 'Chi bộ xét đề nghị',
  ISSUE_LETTER: 'Cấp giấy giới thiệu',
  HAND_OVER: 'Niêm phong, giao hồ sơ',
  RECEIVE: 'Tiếp nhận hồ sơ',
  ACCEPT: 'Kiểm tra, tiếp nhận đảng viên',
  RECORD_EXTERNAL_RECEIPT: 'Ghi phiếu báo của nơi đến',
  HOSTED: 'Đang sinh hoạt tạm thời',
  ESCALATED: 'Chậm xử lý ở cấp dưới',
};

/** Each step as the timeline names it; START opens the dossier, HANDOVER is a scan of the letter's QR code. */
export const STEP_NAME: Record<TransferAction | 'START' | 'HANDOVER', string> = {
  START: 'Lập hồ sơ',
  SUBMIT: 'Gửi đề nghị lên chi bộ',
  CANCEL: 'Rút đề nghị',
  REVIEW: 'Chi bộ họp xét',
  RETURN_FOR_COMPLETION: 'Trả lại để bổ sung',
  REJECT: 'Chi bộ không đồng ý',
  ISSUE_LETTER: 'Cấp giấy giới thiệu',
  HAND_OVER: 'Niêm phong, giao hồ sơ cho đảng viên',
  REPLACE_LETTER: 'Cấp lại giấy giới thiệu bị mất',
  MARK_OVERDUE: 'Quá hạn xuất trình giấy giới thiệu',
  RECEIVE: 'Nơi đến nhận hồ sơ',
  ACCEPT: 'Nơi đến tiếp nhận đảng viên',
  REFUSE: 'Nơi đến không tiếp nhận',
  RECORD_EXTERNAL_RECEIPT: 'Ghi phiếu báo của tổ chức nơi đến',
  EXTEND: 'Gia hạn sinh hoạt tạm thời',
  END: 'Kết thúc sinh hoạt tạm thời',
  HANDOVER: 'Bàn giao hồ sơ (quét mã QR)',
};

/** On whose behalf the actor acted. */
export const SIDE: Record<TransferSide, string> = {
  MEMBER: 'đảng viên',
  ON_BEHALF: 'thay mặt đảng viên',
  SENDING: 'nơi đi',
  ISSUING: 'cấp giấy giới thiệu',
  RECEIVING: 'nơi đến',
  SYSTEM: 'hệ thống',
};

export const stepName = (action: string) => STEP_NAME[action as keyof typeof STEP_NAME] ?? action;
