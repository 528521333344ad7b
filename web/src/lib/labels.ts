import type { AccountStatus, ActivityStatus, MembershipKind, OrgType, Role, TransferState } from './graphql/generated/graphql.ts';

export type Tone = 'neutral' | 'good' | 'warning' | 'danger' | 'info';

export const MEMBERSHIP_KIND: Record<MembershipKind, { label: string; tone: Tone }> = {
  OFFICIAL: { label: 'Đảng viên chính thức', tone: 'good' },
  PROBATIONARY: { label: 'Đảng viên dự bị', tone: 'info' },
};

export const ACTIVITY_STATUS: Record<ActivityStatus, { label: string; tone: Tone }> = {
  ACTIVE: { label: 'Đang sinh hoạt', tone: 'good' },
  EXEMPT: { label: 'Miễn công tác và sinh hoạt', tone: 'neutral' },
  TEMP_EXEMPT: { label: 'Tạm miễn sinh hoạt', tone: 'neutral' },
  TEMP_AWAY: { label: 'Sinh hoạt tạm thời nơi khác', tone: 'info' },
  ABROAD: { label: 'Ở nước ngoài', tone: 'info' },
  IN_TRANSFER: { label: 'Đang chuyển sinh hoạt', tone: 'warning' },
  REMOVED: { label: 'Đã xóa tên', tone: 'danger' },
  EXPELLED: { label: 'Đã khai trừ', tone: 'danger' },
  DECEASED: { label: 'Đã từ trần', tone: 'neutral' },
  TRANSFERRED_OUT: { label: 'Đã chuyển đi', tone: 'neutral' },
};

export const ROLE: Record<Role, string> = {
  SECRETARY: 'Bí thư',
  DEPUTY_SECRETARY: 'Phó bí thư',
  FINANCE_MEMBER: 'Ủy viên quản lý tài chính',
  ADMIN: 'Quản trị',
  ANALYST: 'Người lập báo cáo',
  PROCESSING_OFFICER: 'Chuyên viên xử lý thủ tục',
  SUPPORT_TEAM: 'Thành viên tổ hỗ trợ',
};

export const TRANSFER_STATE: Record<TransferState, { label: string; tone: Tone }> = {
  DRAFT: { label: 'Đang soạn', tone: 'neutral' },
  SUBMITTED: { label: 'Đã nộp', tone: 'info' },
  RETURNED_FOR_COMPLETION: { label: 'Trả lại để bổ sung', tone: 'warning' },
  REVIEWED: { label: 'Chi bộ đã xét', tone: 'info' },
  LETTER_ISSUED: { label: 'Đã cấp giấy giới thiệu', tone: 'info' },
  IN_TRANSIT: { label: 'Đang chuyển', tone: 'info' },
  OVERDUE: { label: 'Quá hạn', tone: 'danger' },
  RECEIVED: { label: 'Nơi đến đã nhận', tone: 'good' },
  HOSTED: { label: 'Đang sinh hoạt tạm thời', tone: 'info' },
  EXTENDED: { label: 'Đã gia hạn', tone: 'info' },
  COMPLETED: { label: 'Hoàn thành', tone: 'good' },
  ENDED: { label: 'Đã kết thúc sinh hoạt tạm thời', tone: 'neutral' },
  REJECTED: { label: 'Chi bộ không đồng ý', tone: 'danger' },
  REFUSED: { label: 'Nơi đến không tiếp nhận', tone: 'danger' },
  CANCELLED: { label: 'Đã hủy', tone: 'neutral' },
};

export const TRANSFER_KIND = { OFFICIAL: 'Chuyển chính thức', TEMPORARY: 'Chuyển tạm thời' } as const;

export const ORG_TYPE: Record<OrgType, string> = {
  CENTRAL: 'Trung ương',
  CENTRAL_DIRECT_COMMITTEE: 'Đảng bộ trực thuộc Trung ương',
  PROVINCIAL: 'Đảng bộ tỉnh',
  PROVINCE_SUBORDINATE: 'Đảng bộ xã, phường',
  GRASSROOTS_COMMITTEE: 'Đảng bộ cơ sở',
  GRASSROOTS_CELL: 'Chi bộ cơ sở',
  PARTIAL_COMMITTEE: 'Đảng bộ bộ phận',
  SUBORDINATE_CELL: 'Chi bộ trực thuộc',
  PARTY_GROUP: 'Tổ đảng',
  OVERSEAS: 'Tổ chức đảng ở nước ngoài',
};

export const ACCOUNT_STATUS: Record<AccountStatus, { label: string; tone: Tone }> = {
  PENDING: { label: 'Chờ kích hoạt', tone: 'info' },
  ACTIVE: { label: 'Đang dùng', tone: 'good' },
  LOCKED: { label: 'Đã khóa', tone: 'warning' },
  REVOKED: { label: 'Đã thu hồi', tone: 'danger' },
};
