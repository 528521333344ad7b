/**
 * The register's continuous checks (docs/rules/data-quality.md), grouped under the campaign's four words:
 * đúng (correct), đủ (complete), sạch (clean), sống (live). Each check is a condition on one member row,
 * written once as SQL in data-quality.repository.ts; this table names them for people.
 */
export const DATA_QUALITY_CHECKS = {
  CITIZEN_ID_MISMATCH: { pillar: 'CORRECT', label: 'Số căn cước không khớp giới tính hoặc năm sinh' },
  JOINED_UNDER_18: { pillar: 'CORRECT', label: 'Ngày vào Đảng trước khi đủ 18 tuổi' },
  DATE_IN_FUTURE: { pillar: 'CORRECT', label: 'Ngày vào Đảng hoặc ngày chính thức sau hôm nay' },
  CARD_NUMBER_MISSING: { pillar: 'COMPLETE', label: 'Đảng viên chính thức chưa có số thẻ đảng viên' },
  DOSSIER_NUMBER_MISSING: { pillar: 'COMPLETE', label: 'Chưa có số lý lịch' },
  DUES_BASIS_MISSING: { pillar: 'COMPLETE', label: 'Thiếu mức thu nhập làm căn cứ tính đảng phí' },
  PHONE_MISSING: { pillar: 'COMPLETE', label: 'Chưa có số điện thoại' },
  ROSTER_NUMBER_DUPLICATE: { pillar: 'CLEAN', label: 'Số danh sách trùng với đảng viên khác trong chi bộ' },
  PROBABLE_DUPLICATE: { pillar: 'CLEAN', label: 'Trùng họ tên và ngày sinh với đảng viên khác (nghi trùng hồ sơ)' },
  PROBATION_OVERDUE: { pillar: 'LIVE', label: 'Đã quá 12 tháng dự bị mà chưa xét công nhận chính thức' },
  TEMPORARY_HOST_ENDED: { pillar: 'LIVE', label: 'Sinh hoạt tạm thời đã quá hạn mà chưa kết thúc' },
} as const;

export type DataQualityCheck = keyof typeof DATA_QUALITY_CHECKS;
export const CHECK_NAMES = Object.keys(DATA_QUALITY_CHECKS) as DataQualityCheck[];

export interface DataQualityCounts {
  members: number;
  membersWithIssues: number;
  counts: Record<DataQualityCheck, number>;
}

/**
 * The organization's score: the share of its living members with no finding, 0 to 100 with one decimal;
 * 100 for an organization with nobody to check (docs/rules/data-quality.md#score).
 */
export function dataQualityScore({ members, membersWithIssues }: Pick<DataQualityCounts, 'members' | 'membersWithIssues'>): number {
  if (members === 0) return 100;
  return Math.round(((members - membersWithIssues) / members) * 1000) / 10;
}
