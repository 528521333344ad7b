import { error, redirect } from '@sveltejs/kit';
import { refused, settle } from '#lib/form-result.ts';
import { chosenFile, describeFile, sendUploadBytes } from '#lib/server/file-upload.ts';
import { loadQuery, mutate } from '#lib/server/gateway.ts';
import { signInAddress } from '#lib/return-to.ts';
import { ApplyRegisterImportMutation, DataQualityPageQuery, RegisterImportQuery, StartRegisterFileUploadMutation, StartRegisterImportMutation } from './data-quality.graphql.ts';
import type { Actions, PageServerLoad } from './$types';

/** The import shown, named in the address so that a reload (while it is matched) or a shared link shows it again. */
const IMPORT_PARAM = 'nhap';

const FORBIDDEN = 'Chỉ quản trị viên phụ trách tổ chức này được nhập dữ liệu từ Cơ sở dữ liệu đảng viên.';

/** The workbench of an organization's subtree, for an administrator over it (docs/rules/register-import.md#who-imports). */
export const load: PageServerLoad = async (event) => {
  const { organization } = await loadQuery(event, DataQualityPageQuery, { id: event.params.id });
  if (!organization) error(404, 'Không tìm thấy tổ chức này.');
  if (!organization.viewerCan.importRegister) error(403, FORBIDDEN);
  const importId = event.url.searchParams.get(IMPORT_PARAM);
  const registerImport = importId ? (await loadQuery(event, RegisterImportQuery, { id: importId })).registerImport : null;
  if (importId && !registerImport) error(404, 'Không tìm thấy lượt nhập này.');
  return { organization, registerImport };
};

type RowErrors = { rowNumber: number; errors: { message: string }[] }[];

export const actions: Actions = {
  /** A register export: started as an upload of the members subgraph, its bytes sent on, then validated and matched. */
  upload: async (event) => {
    const file = await chosenFile(await event.request.formData());
    if (!file) return refused(400, 'upload', { fieldErrors: { file: 'Chọn tệp xuất từ Cơ sở dữ liệu đảng viên (.xlsx hoặc .csv).' } });
    if (!event.locals.token) redirect(303, signInAddress(event.url));
    const started = await mutate(event, StartRegisterFileUploadMutation, { input: { purpose: 'REGISTER_IMPORT', organizationId: event.params.id, ...describeFile(file) } });
    const upload = started.data?.startRegisterFileUpload.upload;
    if (!upload) return settle('upload', { code: started.code, payload: started.data?.startRegisterFileUpload }, { forbidden: FORBIDDEN, done: null }, { file: null });
    if (!(await sendUploadBytes(event.locals.token, upload.url, file.bytes))) {
      return refused(400, 'upload', { fieldErrors: { file: 'Tệp không phải bảng tính .xlsx hoặc .csv, hoặc đã hỏng: đồng chí xuất lại tệp.' } });
    }
    const { data, code } = await mutate(event, StartRegisterImportMutation, { input: { uploadId: upload.id } });
    const payload = data?.startRegisterImport;
    // A refused file's rows are said one by one, beside the message that nothing changed.
    if (payload?.rowErrors.length) {
      return refused<'upload', { rowErrors: RowErrors }>(400, 'upload', { message: payload.userErrors.map((e) => e.message).join(' '), extra: { rowErrors: payload.rowErrors } });
    }
    if (payload?.registerImport && payload.userErrors.length === 0) redirect(303, `?${IMPORT_PARAM}=${encodeURIComponent(payload.registerImport.id)}`);
    return settle('upload', { code, payload }, { forbidden: FORBIDDEN, done: null }, { file: null });
  },

  /** The rows ticked, or all of them: applied in one transaction by the API. */
  apply: async (event) => {
    const form = await event.request.formData();
    const importId = String(form.get('importId') ?? '');
    const all = form.get('all') === 'true';
    const rowNumbers = form.getAll('rows').map(Number).filter(Number.isInteger);
    if (!all && rowNumbers.length === 0) return refused(400, 'apply', { message: 'Chọn ít nhất một dòng để duyệt, hoặc bấm "Duyệt tất cả".' });
    const { data, code } = await mutate(event, ApplyRegisterImportMutation, { input: all ? { importId, all: true } : { importId, rowNumbers } });
    return settle(
      'apply',
      { code, payload: data?.applyRegisterImport },
      {
        forbidden: FORBIDDEN,
        notFound: 'Không tìm thấy lượt nhập này.',
        done: (answer) =>
          answer.appliedRows > 0 ? `Đã cập nhật ${answer.appliedRows} dòng vào sổ đảng viên.` : 'Các dòng đã chọn đã được cập nhật từ trước: sổ đảng viên không thay đổi thêm.',
      },
    );
  },
};
