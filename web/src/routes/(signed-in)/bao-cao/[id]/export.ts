import { error, type RequestEvent } from '@sveltejs/kit';
import { mutate } from '#lib/server/gateway.ts';
import { toCsv, toXlsx } from '#lib/server/spreadsheet.ts';
import { isMonth } from './months.ts';
import { monthlyReport } from './monthly-report.ts';
import { RecordReportExportMutation } from './report.graphql.ts';
import { reportTable } from './report-table.ts';

/**
 * The month's report of an organization and the organizations under it as a file, built from the same gateway
 * query with the caller's own token, so it shows exactly what the caller may see. The file is served only
 * once the export is in the audit trail.
 */
export async function exportReport(event: RequestEvent<{ id: string; thang: string }>, format: 'csv' | 'xlsx'): Promise<Response> {
  if (!event.locals.token) error(401, 'Xin đăng nhập trước.');
  const month = event.params.thang;
  if (!isMonth(month)) error(400, 'Tháng không hợp lệ: hãy chọn theo dạng YYYY-MM.');
  const { data, code, message } = await monthlyReport(event, event.params.id, month);
  if (!data?.organization) error(code === 'FORBIDDEN' ? 403 : code === 'BAD_USER_INPUT' ? 400 : 404, message ?? 'Không tìm thấy tổ chức, hoặc đồng chí không có quyền xem báo cáo này.');
  const recorded = await mutate(event, RecordReportExportMutation, { input: { organizationId: event.params.id, month, format: format === 'csv' ? 'CSV' : 'XLSX' } });
  if (!recorded.data?.recordReportExport.recorded) {
    error(recorded.code === 'FORBIDDEN' ? 403 : 502, recorded.data?.recordReportExport.userErrors[0]?.message ?? 'Chưa ghi nhận được việc tải báo cáo: xin thử lại sau ít phút.');
  }
  const table = reportTable(data.organization, month);
  const headers = { 'content-disposition': `attachment; filename="bao-cao-${month}-${event.params.id.slice(0, 8)}.${format}"`, 'cache-control': 'private, no-store' };
  if (format === 'csv') return new Response(toCsv(table), { headers: { ...headers, 'content-type': 'text/csv; charset=utf-8' } });
  return new Response(await toXlsx(table), { headers: { ...headers, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } });
}
