import type { MonthlyReportQuery, ReportFiguresFragment } from '#lib/graphql/generated/graphql.ts';
import type { SheetTable } from '#lib/server/spreadsheet.ts';

/** A rate as a percentage with one decimal; empty when its denominator is 0 (docs/rules/reports.md#rates). */
const percent = (rate: { value?: number | null }) => (rate.value === null || rate.value === undefined ? null : Math.round(rate.value * 1000) / 10);
const excluded = (figures: ReportFiguresFragment, reason: string) => figures.memberMonthlyFigures.outOfScope.find((row) => row.reason === reason)?.count ?? 0;

/** The columns of the monthly report, in Vietnamese, each with how it reads an organization's figures. */
const COLUMNS: [string, (figures: ReportFiguresFragment) => string | number | null][] = [
  ['Đảng viên', (f) => f.memberMonthlyFigures.members],
  ['Trong phạm vi triển khai', (f) => f.memberMonthlyFigures.inScope],
  ['Miễn công tác, sinh hoạt', (f) => excluded(f, 'EXEMPT')],
  ['Ở nước ngoài', (f) => excluded(f, 'ABROAD')],
  ['Tổ chức không triển khai', (f) => excluded(f, 'ORGANIZATION_EXCLUDED')],
  ['Chưa đến lộ trình', (f) => excluded(f, 'NOT_YET_ONLINE')],
  ['Tài khoản đã cấp', (f) => f.memberMonthlyFigures.accountsIssued.numerator],
  ['Tài khoản đã kích hoạt', (f) => f.memberMonthlyFigures.accountsActivated.numerator],
  ['Tỷ lệ kích hoạt (%)', (f) => percent(f.memberMonthlyFigures.accountsActivated)],
  ['Đăng nhập trong 30 ngày (%)', (f) => percent(f.memberMonthlyFigures.accountsUsed30Days)],
  ['Chuyển chính thức: tiếp nhận', (f) => f.transferMonthlyFigures.official.received],
  ['Chuyển chính thức: hoàn thành', (f) => f.transferMonthlyFigures.official.completed],
  ['Chuyển chính thức: đúng hạn (%)', (f) => percent(f.transferMonthlyFigures.official.onTime)],
  ['Chuyển chính thức: quá hạn', (f) => f.transferMonthlyFigures.official.overdue],
  ['Chuyển tạm thời: tiếp nhận', (f) => f.transferMonthlyFigures.temporary.received],
  ['Chuyển tạm thời: hoàn thành', (f) => f.transferMonthlyFigures.temporary.completed],
  ['Chuyển tạm thời: quá hạn', (f) => f.transferMonthlyFigures.temporary.overdue],
  ['Nhận xét nơi cư trú: đề nghị', (f) => f.memberMonthlyFigures.commentsRequested],
  ['Nhận xét nơi cư trú: đã trả lời', (f) => f.memberMonthlyFigures.commentsAnswered],
  ['Nhận xét nơi cư trú: quá hạn', (f) => f.memberMonthlyFigures.commentsOverdue],
  ['Đảng phí phải thu (đồng)', (f) => Number(f.duesMonthlyFigures.expected)],
  ['Đã thu trực tuyến (đồng)', (f) => Number(f.duesMonthlyFigures.collectedOnline)],
  ['Đã thu tiền mặt (đồng)', (f) => Number(f.duesMonthlyFigures.collectedCash)],
  ['Đã đóng trước (đồng)', (f) => Number(f.duesMonthlyFigures.collectedPrepaid)],
  ['Tỷ lệ thu (%)', (f) => percent(f.duesMonthlyFigures.collectionRate)],
  ['Chưa đóng 2 tháng', (f) => f.duesMonthlyFigures.membersTwoUnpaid],
  ['Chưa đóng từ 3 tháng', (f) => f.duesMonthlyFigures.membersThreeUnpaid],
  // Readiness (docs/rules/reports.md#readiness): counts of organizations, numerator and denominator apart so a spreadsheet reads numbers.
  ['Tổ chức trong phạm vi triển khai', (f) => f.typeClassification.eligible],
  ['Đã rà soát loại hình', (f) => f.typeClassification.covered],
  ['Tổ chức phải có tài khoản đảng phí', (f) => f.bankAccountCoverage.eligible],
  ['Đã đăng ký tài khoản đảng phí', (f) => f.bankAccountCoverage.covered],
  ['Tổ chức có bí thư dùng tài khoản', (f) => f.memberMonthlyFigures.secretaryAccounts.numerator],
  ['Tổ chức có phó bí thư dùng tài khoản', (f) => f.memberMonthlyFigures.deputySecretaryAccounts.numerator],
  ['Tổ chức có cấp ủy viên tài chính dùng tài khoản', (f) => f.memberMonthlyFigures.financeMemberAccounts.numerator],
];

/** The organization's line first (its whole subtree), then a line per organization directly under it. */
export function reportTable(organization: NonNullable<MonthlyReportQuery['organization']>, month: string): SheetTable {
  const line = (name: string, figures: ReportFiguresFragment) => [name, ...COLUMNS.map(([, read]) => read(figures))];
  const state = organization.memberMonthlyFigures.frozen ? 'số liệu đã chốt' : 'số liệu tạm tính';
  return {
    title: `Báo cáo tháng ${month}`,
    headers: [`Tổ chức (tháng ${month}, ${state})`, ...COLUMNS.map(([header]) => header)],
    rows: [line(`${organization.name} (toàn đảng bộ)`, organization), ...organization.children.map((child) => line(child.name, child))],
  };
}
