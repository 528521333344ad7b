import { redirect } from '@sveltejs/kit';
import { refused, settle } from '#lib/form-result.ts';
import { chosenFile, describeFile, sendUploadBytes } from '#lib/server/file-upload.ts';
import { loadQuery, mutate } from '#lib/server/gateway.ts';
import { signInAddress } from '#lib/return-to.ts';
import type { BankStatementPreset, DuesPaymentExceptionAction } from '#lib/graphql/generated/graphql.ts';
import { ImportBankStatementMutation, PaymentExceptionsQuery, ResolvePaymentExceptionMutation, StartBankStatementUploadMutation } from './statement.graphql.ts';
import type { Actions, PageServerLoad } from './$types';

/** The organization's exception queue: the API gives it to the officers who collect there or above. */
export const load: PageServerLoad = async (event) => {
  const { organization } = await loadQuery(event, PaymentExceptionsQuery, { id: event.params.id });
  return { organization };
};

const FORBIDDEN = 'Chỉ ủy viên phụ trách tài chính, bí thư hoặc phó bí thư của chính tổ chức được đối chiếu sao kê tài khoản của tổ chức.';

export const actions: Actions = {
  /** A statement file: sent to the dues subgraph as an upload, then imported with the bank's columns. */
  import: async (event) => {
    const form = await event.request.formData();
    const file = await chosenFile(form);
    const preset = String(form.get('preset') ?? 'GENERIC') as BankStatementPreset;
    const values = { preset, file: null };
    if (!file) return refused(400, 'import', { fieldErrors: { file: 'Chọn tệp sao kê (.xlsx hoặc .csv) tải từ ngân hàng.' }, values });
    if (!event.locals.token) redirect(303, signInAddress(event.url));
    const started = await mutate(event, StartBankStatementUploadMutation, { input: { organizationId: event.params.id, ...describeFile(file) } });
    const upload = started.data?.startBankStatementUpload.upload;
    if (!upload) return settle('import', { code: started.code, payload: started.data?.startBankStatementUpload }, { forbidden: FORBIDDEN, done: null }, values);
    if (!(await sendUploadBytes(event.locals.token!, upload.url, file.bytes))) {
      return refused(400, 'import', { fieldErrors: { file: 'Tệp không phải bảng tính .xlsx hoặc .csv, hoặc đã hỏng: đồng chí tải lại tệp từ ngân hàng.' }, values });
    }
    const { data, code } = await mutate(event, ImportBankStatementMutation, { input: { uploadId: upload.id, preset } });
    const payload = data?.importBankStatement;
    // A refused file's rows are said one by one, beside the message that nothing was applied.
    if (payload?.rowErrors.length) {
      return refused(400, 'import', { message: payload.userErrors.map((e) => e.message).join(' '), values, extra: { statementImport: null, rowErrors: payload.rowErrors } });
    }
    return settle(
      'import',
      { code, payload },
      {
        forbidden: FORBIDDEN,
        done: (answer) => {
          const s = answer.statementImport!;
          return `Đã đối chiếu ${s.creditLines} giao dịch ghi có: ${s.matched} khớp và ghi nhận đã đóng, ${s.exceptionCount} cần xử lý${s.alreadySeen ? `, ${s.alreadySeen} đã có từ lần nhập trước` : ''}.`;
        },
        extra: (answer) => ({ statementImport: answer.statementImport, rowErrors: [] as { rowNumber: number; errors: { message: string }[] }[] }),
      },
      values,
    );
  },

  /** One exception resolved with a reason. */
  resolve: async (event) => {
    const form = await event.request.formData();
    const exceptionId = String(form.get('exceptionId') ?? '');
    const action = String(form.get('action') ?? '') as DuesPaymentExceptionAction;
    const reason = String(form.get('reason') ?? '');
    const memberId = form.get('memberId') ? String(form.get('memberId')) : null;
    const months = form.getAll('months').map(String);
    const { data, code } = await mutate(event, ResolvePaymentExceptionMutation, {
      input: { exceptionId, action, reason, ...(action === 'APPLY_TO_MONTHS' ? { memberId, months } : {}) },
    });
    return settle(
      'resolve',
      { code, payload: data?.resolveDuesPaymentException },
      { forbidden: 'Đồng chí không được xử lý khoản này (không xử lý vào đảng phí của chính mình).', done: 'Đã xử lý khoản tiền.' },
      { exceptionId, reason },
    );
  },
};
