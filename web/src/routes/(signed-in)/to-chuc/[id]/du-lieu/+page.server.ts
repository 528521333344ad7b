import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { refused, settle } from '#lib/form-result.ts';
import type { RegisterUploadPurpose, UserErrorFieldsFragment } from '#lib/graphql/generated/graphql.ts';
import { chosenFile, describeFile, sendUploadBytes } from '#lib/server/file-upload.ts';
import { loadQuery, mutate } from '#lib/server/gateway.ts';
import { signInAddress } from '#lib/return-to.ts';
import {
  ApplyInsuranceReconciliationMutation,
  ApplyRegisterImportMutation,
  DataQualityPageQuery,
  InsuranceReconciliationQuery,
  RegisterImportQuery,
  StartInsuranceReconciliationMutation,
  StartRegisterFileUploadMutation,
  StartRegisterImportMutation,
} from './data-quality.graphql.ts';
import type { Actions, PageServerLoad } from './$types';

/** The import and the reconciliation shown, named in the address so that a reload (while matching) or a shared link shows them again. */
const IMPORT_PARAM = 'nhap';
const RECONCILIATION_PARAM = 'doi-chieu';

const FORBIDDEN = 'Chỉ quản trị viên phụ trách tổ chức này được nhập dữ liệu từ Cơ sở dữ liệu đảng viên và dữ liệu bảo hiểm xã hội.';

/** The workbench of an organization's subtree, for an administrator over it (docs/rules/register-import.md#who-imports). */
export const load: PageServerLoad = async (event) => {
  const { organization } = await loadQuery(event, DataQualityPageQuery, { id: event.params.id });
  if (!organization) error(404, 'Không tìm thấy tổ chức này.');
  if (!organization.viewerCan.importRegister) error(403, FORBIDDEN);
  const importId = event.url.searchParams.get(IMPORT_PARAM);
  const registerImport = importId ? (await loadQuery(event, RegisterImportQuery, { id: importId })).registerImport : null;
  if (importId && !registerImport) error(404, 'Không tìm thấy lượt nhập này.');
  const reconciliationId = event.url.searchParams.get(RECONCILIATION_PARAM);
  const reconciliation = reconciliationId ? (await loadQuery(event, InsuranceReconciliationQuery, { id: reconciliationId })).insuranceReconciliation : null;
  if (reconciliationId && !reconciliation) error(404, 'Không tìm thấy lượt đối chiếu này.');
  return { organization, registerImport, reconciliation };
};

type RowErrors = { rowNumber: number; errors: { message: string }[] }[];

/** The members subgraph's upload of the form's file, for `purpose`: its id once the bytes are received, or the form's refusal. */
async function uploaded(event: RequestEvent, action: 'upload' | 'insurance', purpose: RegisterUploadPurpose) {
  const file = await chosenFile(await event.request.formData());
  if (!file) return { refusal: refused(400, action, { fieldErrors: { file: 'Chọn tệp bảng tính (.xlsx hoặc .csv).' } }) };
  if (!event.locals.token) redirect(303, signInAddress(event.url));
  const started = await mutate(event, StartRegisterFileUploadMutation, { input: { purpose, organizationId: event.params.id!, ...describeFile(file) } });
  const upload = started.data?.startRegisterFileUpload.upload;
  if (!upload) return { refusal: settle(action, { code: started.code, payload: started.data?.startRegisterFileUpload }, { forbidden: FORBIDDEN, done: null }, { file: null }) };
  if (!(await sendUploadBytes(event.locals.token, upload.url, file.bytes))) {
    return { refusal: refused(400, action, { fieldErrors: { file: 'Tệp không phải bảng tính .xlsx hoặc .csv, hoặc đã hỏng: đồng chí xuất lại tệp.' } }) };
  }
  return { uploadId: upload.id };
}

/** A started import or reconciliation: a refused file's rows said one by one, beside the message that nothing changed; else shown at `param`. */
function started<Action extends 'upload' | 'insurance'>(
  action: Action,
  outcome: { code: string | null; payload: { rowErrors: RowErrors; userErrors: readonly UserErrorFieldsFragment[] } | null | undefined },
  id: string | null | undefined,
  param: string,
) {
  const { payload } = outcome;
  if (payload?.rowErrors.length) {
    return refused<Action, { rowErrors: RowErrors }>(400, action, { message: payload.userErrors.map((e) => e.message).join(' '), extra: { rowErrors: payload.rowErrors } });
  }
  if (id && payload?.userErrors.length === 0) redirect(303, `?${param}=${encodeURIComponent(id)}`);
  return settle(action, { code: outcome.code, payload }, { forbidden: FORBIDDEN, done: null }, { file: null });
}

/** The rows ticked, or all: `null` when neither was chosen. */
function chosenRows(form: FormData) {
  if (form.get('all') === 'true') return { all: true };
  const rowNumbers = form.getAll('rows').map(Number).filter(Number.isInteger);
  return rowNumbers.length ? { rowNumbers } : null;
}

const NOTHING_CHOSEN = 'Chọn ít nhất một dòng để duyệt, hoặc bấm "Duyệt tất cả".';
const appliedSay = (answer: { appliedRows: number }) =>
  answer.appliedRows > 0 ? `Đã cập nhật ${answer.appliedRows} dòng vào sổ đảng viên.` : 'Các dòng đã chọn đã được cập nhật từ trước: sổ đảng viên không thay đổi thêm.';

export const actions: Actions = {
  /** A register export: uploaded, then validated and matched against the register. */
  upload: async (event) => {
    const upload = await uploaded(event, 'upload', 'REGISTER_IMPORT');
    if ('refusal' in upload) return upload.refusal;
    const { data, code } = await mutate(event, StartRegisterImportMutation, { input: { uploadId: upload.uploadId } });
    return started('upload', { code, payload: data?.startRegisterImport }, data?.startRegisterImport.registerImport?.id, IMPORT_PARAM);
  },

  /** The rows ticked, or all of them: applied in one transaction by the API. */
  apply: async (event) => {
    const form = await event.request.formData();
    const rows = chosenRows(form);
    if (!rows) return refused(400, 'apply', { message: NOTHING_CHOSEN });
    const { data, code } = await mutate(event, ApplyRegisterImportMutation, { input: { importId: String(form.get('importId') ?? ''), ...rows } });
    return settle('apply', { code, payload: data?.applyRegisterImport }, { forbidden: FORBIDDEN, notFound: 'Không tìm thấy lượt nhập này.', done: appliedSay });
  },

  /** A social-insurance file of insured salaries: uploaded, then reviewed against the subtree's dues bases. */
  insurance: async (event) => {
    const upload = await uploaded(event, 'insurance', 'SOCIAL_INSURANCE');
    if ('refusal' in upload) return upload.refusal;
    const { data, code } = await mutate(event, StartInsuranceReconciliationMutation, { input: { uploadId: upload.uploadId } });
    return started('insurance', { code, payload: data?.startInsuranceReconciliation }, data?.startInsuranceReconciliation.reconciliation?.id, RECONCILIATION_PARAM);
  },

  /** The salaries approved become the members' dues bases, in one transaction by the API. */
  applyInsurance: async (event) => {
    const form = await event.request.formData();
    const rows = chosenRows(form);
    if (!rows) return refused(400, 'applyInsurance', { message: NOTHING_CHOSEN });
    const { data, code } = await mutate(event, ApplyInsuranceReconciliationMutation, { input: { reconciliationId: String(form.get('reconciliationId') ?? ''), ...rows } });
    return settle('applyInsurance', { code, payload: data?.applyInsuranceReconciliation }, { forbidden: FORBIDDEN, notFound: 'Không tìm thấy lượt đối chiếu này.', done: appliedSay });
  },
};
