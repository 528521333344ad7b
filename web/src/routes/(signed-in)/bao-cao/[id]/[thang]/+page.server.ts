import { error } from '@sveltejs/kit';
import { settle } from '#lib/form-result.ts';
import { mutate, query } from '#lib/server/gateway.ts';
import { vietnamDay } from '#lib/vietnam-time.ts';
import { addMonths, isMonth } from '../months.ts';
import { monthlyReport } from '../monthly-report.ts';
import { ReportPageQuery, ReportTrendQuery, SubmitMonthlyReportMutation } from '../report.graphql.ts';
import type { Actions, PageServerLoad } from './$types';

const refusal = (code: string | null, message: string | null) =>
  error(code === 'FORBIDDEN' ? 403 : code === 'BAD_USER_INPUT' ? 400 : code === null ? 404 : 502, code === 'FORBIDDEN' ? 'Đồng chí không có quyền xem báo cáo của tổ chức này.' : (message ?? 'Chưa tải được báo cáo. Vui lòng thử lại sau ít phút.'));

/** The month's report (by default last month, the one due now), the month before it, six months of trend, and the reports of the organizations under it. */
export const load: PageServerLoad = async (event) => {
  const thisMonth = vietnamDay(new Date()).slice(0, 7);
  const month = event.params.thang;
  if (!isMonth(month) || month > thisMonth) error(404, `Chưa có báo cáo tháng ${month}.`);
  const id = event.params.id;
  const months = [5, 4, 3, 2, 1, 0].map((back) => addMonths(month, -back));
  const [page, current, previous, trend] = await Promise.all([
    query(event, ReportPageQuery, { id, month }),
    monthlyReport(event, id, month),
    monthlyReport(event, id, addMonths(month, -1)),
    query(event, ReportTrendQuery, { id, m1: months[0]!, m2: months[1]!, m3: months[2]!, m4: months[3]!, m5: months[4]!, m6: months[5]! }),
  ]);
  if (!page.data?.organization) refusal(page.code, page.message);
  if (!current.data?.organization) refusal(current.code, current.message);
  const t = trend.data?.organization;
  return {
    month,
    thisMonth,
    organization: page.data!.organization!,
    figures: current.data!.organization!,
    previous: previous.data?.organization ?? null,
    trend: t
      ? months.map((m, index) => {
          const n = (index + 1) as 1 | 2 | 3 | 4 | 5 | 6;
          return { month: m, activated: t[`a${n}`].accountsActivated.value ?? null, collected: t[`d${n}`].collectionRate.value ?? null };
        })
      : [],
  };
};

export const actions: Actions = {
  /** The organization's own secretary or deputy sends the month's report upward, with their review. */
  submit: async (event) => {
    const form = await event.request.formData();
    const values = { month: String(form.get('month') ?? ''), note: String(form.get('note') ?? '') };
    const { data, code } = await mutate(event, SubmitMonthlyReportMutation, { input: { organizationId: event.params.id, month: values.month, note: values.note || null } });
    return settle(
      'submit',
      { code, payload: data?.submitMonthlyReport },
      {
        forbidden: 'Chỉ bí thư, phó bí thư của tổ chức này được gửi báo cáo tháng.',
        done: (payload) => (payload.report?.late ? 'Đã gửi báo cáo lên cấp trên (sau hạn).' : 'Đã gửi báo cáo lên cấp trên đúng hạn.'),
      },
      values,
    );
  },
};
