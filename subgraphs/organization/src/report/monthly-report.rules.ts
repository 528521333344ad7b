import { addMonths, isYearMonth, type UserError } from '@dangvu/subgraph-kit';
import type { OrganizationRow } from '../organization/organization.repository.ts';

/** The deadlines of the roll-out plans (docs/rules/reports.md#the-report-as-a-document): day of the month after. */
export interface ReportDueDays {
  /** Cells and the committees under a commune report to it before this day (the plans: the 20th). */
  cell: number;
  /** The commune's committee reports to the level above before this day (the plans: the 25th). */
  commune: number;
}

export const DEFAULT_DUE_DAYS: ReportDueDays = { cell: 20, commune: 25 };

/** Which deadline an organization reports by; null for the levels above the commune, which the plans give none. */
export function reportingLevel(type: OrganizationRow['type']): keyof ReportDueDays | null {
  if (type === 'PROVINCE_SUBORDINATE') return 'commune';
  if (type === 'GRASSROOTS_CELL' || type === 'GRASSROOTS_COMMITTEE' || type === 'SUBORDINATE_CELL' || type === 'PARTIAL_COMMITTEE') return 'cell';
  return null;
}

/** The deadline day of month M's report: on time when submitted before it. */
export const reportDueOn = (month: string, level: keyof ReportDueDays, days: ReportDueDays) => `${addMonths(month, 1)}-${String(days[level]).padStart(2, '0')}`;

/** Why month M's report of an organization cannot be submitted on `today` (Vietnam's day), if it cannot. */
export function submitError(organization: Pick<OrganizationRow, 'type' | 'dissolvedOn'>, month: string, today: string): UserError | null {
  if (!isYearMonth(month)) return { code: 'INVALID_MONTH', field: 'month', message: `Tháng ${month} không hợp lệ: hãy nhập theo dạng YYYY-MM.` };
  if (organization.dissolvedOn) return { code: 'ALREADY_DISSOLVED', field: 'organizationId', message: 'Tổ chức đã giải thể.' };
  if (reportingLevel(organization.type) === null) {
    return { code: 'NOT_A_REPORTING_ORGANIZATION', field: 'organizationId', message: 'Chỉ chi bộ, đảng bộ cơ sở và đảng bộ xã, phường gửi báo cáo tháng lên cấp trên.' };
  }
  if (today < `${addMonths(month, 1)}-01`) return { code: 'MONTH_NOT_ENDED', field: 'month', message: `Tháng ${month} chưa kết thúc: báo cáo được gửi từ ngày đầu tháng sau.` };
  return null;
}

/** How a subordinate's report stands for its superior on `today`. */
export function reportState(report: { late: boolean } | null, dueOn: string, today: string): 'SUBMITTED' | 'SUBMITTED_LATE' | 'PENDING' | 'OVERDUE' {
  if (report) return report.late ? 'SUBMITTED_LATE' : 'SUBMITTED';
  return today >= dueOn ? 'OVERDUE' : 'PENDING';
}
