import type { CommentExemptionReason, CommentPurpose, DutyAssessment, ResidenceCommentState, ResidenceDuty } from '#lib/graphql/generated/graphql.ts';
import type { Tone } from '#lib/labels.ts';

/** How the procedure's words read on screen (docs/rules/residence-comments.md). */
export const COMMENT_STATE: Record<ResidenceCommentState, { label: string; tone: Tone }> = {
  AWAITING_ROUTING: { label: 'Chờ chuyển đến nơi cư trú', tone: 'warning' },
  AT_COMMUNE: { label: 'Đảng ủy xã, phường đang giao chi bộ', tone: 'info' },
  AT_CELL: { label: 'Chi bộ nơi cư trú đang nhận xét', tone: 'info' },
  ON_PAPER: { label: 'Đã gửi bằng giấy', tone: 'info' },
  ANSWERED: { label: 'Đã có nhận xét', tone: 'good' },
  CANCELLED: { label: 'Đã hủy', tone: 'neutral' },
};

export const COMMENT_PURPOSE: Record<CommentPurpose, string> = {
  ANNUAL_REVIEW: 'Nhận xét hằng năm',
  PERSONNEL: 'Công tác cán bộ',
  AWARD: 'Khen thưởng',
  DISCIPLINE: 'Kỷ luật',
  OTHER: 'Việc khác',
};

export const ASSESSMENT: Record<DutyAssessment, string> = {
  WELL: 'Thực hiện tốt',
  DONE: 'Có thực hiện',
  NOT_WELL: 'Chưa thực hiện tốt',
  EXCUSED: 'Được miễn',
};

/** The 33-HD situations the workplace declares, and the reasons the register gives. */
export const EXEMPTION: Record<CommentExemptionReason, string> = {
  BARRACKS: 'Quân đội, công an ở tập trung trong doanh trại',
  MOBILE_OR_OFFICIAL_HOUSING: 'Công tác lưu động, ở nhà công vụ',
  FULL_TIME_STUDY: 'Đi học tập trung 12 tháng, học xa nhà',
  EXEMPT_FROM_ACTIVITY: 'Miễn công tác và sinh hoạt đảng',
  TEMPORARILY_EXEMPT: 'Tạm miễn sinh hoạt',
  ABROAD: 'Ở nước ngoài',
  IN_TRANSFER: 'Đang chuyển sinh hoạt',
  LIVES_WHERE_WORKS: 'Cư trú tại chính chi bộ mình',
};

export const DECLARED_EXEMPTIONS: CommentExemptionReason[] = ['BARRACKS', 'MOBILE_OR_OFFICIAL_HOUSING', 'FULL_TIME_STUDY'];

/** The duties of 213-QĐ/TW art. 2 in the article's order; their wording comes from the API (DutyComment.label). */
export const DUTIES: ResidenceDuty[] = [
  'EXEMPLARY_CONDUCT',
  'CIVIC_DUTIES',
  'RESIDENCE_MEETINGS',
  'PEOPLES_MEETINGS',
  'MOBILIZING_PEOPLE',
  'BUILDING_LOCAL_SYSTEM',
  'REPORTING_WRONGDOING',
];

/** The duties as the form asks them, short enough for a phone. */
export const DUTY_QUESTION: Record<ResidenceDuty, string> = {
  EXEMPLARY_CONDUCT: '1. Nêu gương, gương mẫu chấp hành và vận động gia đình, nhân dân nơi cư trú',
  CIVIC_DUTIES: '2. Thực hiện nghĩa vụ công dân; tuyên truyền, vận động nhân dân',
  RESIDENCE_MEETINGS: '3. Tham dự các cuộc họp của chi bộ nơi cư trú',
  PEOPLES_MEETINGS: '4. Tham gia sinh hoạt, hội họp của nhân dân; giữ liên hệ với chi ủy, trưởng thôn, tổ trưởng tổ dân phố',
  MOBILIZING_PEOPLE: '5. Vận động nhân dân tham gia phong trào, giữ gìn an ninh, trật tự, đoàn kết',
  BUILDING_LOCAL_SYSTEM: '6. Góp ý xây dựng tổ chức đảng, chính quyền, đoàn thể nơi cư trú',
  REPORTING_WRONGDOING: '7. Phát hiện, phản ánh những biểu hiện tiêu cực ở nơi cư trú',
};
