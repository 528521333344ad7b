import type { StatusChangeKind, StatusChangeState } from '#lib/graphql/generated/graphql.ts';

/** How the screens name each procedure and where it stands (docs/rules/member-status.md). */
export const STATUS_CHANGE_KIND: Record<StatusChangeKind, string> = {
  EXEMPTION: 'Miễn công tác và sinh hoạt đảng',
  TEMPORARY_EXEMPTION: 'Tạm miễn sinh hoạt đảng',
  RETURN_TO_ACTIVITY: 'Trở lại sinh hoạt đảng',
  ABROAD: 'Đảng viên ở nước ngoài',
  REMOVAL: 'Xóa tên trong danh sách đảng viên',
  EXPULSION: 'Khai trừ ra khỏi Đảng',
  DEATH: 'Đảng viên từ trần',
  LEFT_SYSTEM: 'Chuyển ra khỏi hệ thống',
};

export const STATUS_CHANGE_STATE: Record<StatusChangeState, string> = {
  APPLIED: 'Đơn đang chờ chi bộ xem xét',
  RESOLVED: 'Chi bộ đã ra nghị quyết',
  REPORTED: 'Đã báo cáo cấp trên',
  REJECTED: 'Chi bộ không chấp thuận',
  WITHDRAWN: 'Đã rút đơn',
  DECIDED: 'Đã có quyết định',
};

/** Applied for by the member; the others are decided at once. */
export const BY_APPLICATION: readonly StatusChangeKind[] = ['EXEMPTION', 'TEMPORARY_EXEMPTION', 'RETURN_TO_ACTIVITY'];
/** After these nothing changes any more: the page asks the officer to confirm. */
export const TERMINAL: readonly StatusChangeKind[] = ['REMOVAL', 'EXPULSION', 'DEATH', 'LEFT_SYSTEM'];
