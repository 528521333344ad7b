import { redirect } from '@sveltejs/kit';
import { parseDayInput } from '#lib/day-input.ts';
import { refused, settle } from '#lib/form-result.ts';
import type { TransferKind } from '#lib/graphql/generated/graphql.ts';
import { query, mutate } from '#lib/server/gateway.ts';
import { loadRecord } from '#lib/server/partial-query.ts';
import { StartTransferMutation, TransferRequestQuery, TransferVouchersQuery } from '../transfers.graphql.ts';
import type { Actions, PageServerLoad } from './$types';

/** The cells a member may name as their destination (docs/rules/transfers.md#who-issues-the-letter). */
const CELL_TYPES = new Set(['GRASSROOTS_CELL', 'SUBORDINATE_CELL']);

interface Node {
  id: string;
  name: string;
  type: string;
  children?: Node[];
}

/** The area's cells, and those one level further down under its committees ("Đảng bộ Công ty … › Chi bộ …"); the area itself when it is a cell. */
function cellsOf(area: Node): { value: string; label: string }[] {
  if (CELL_TYPES.has(area.type)) return [{ value: area.id, label: area.name }];
  return (area.children ?? []).flatMap((child) =>
    CELL_TYPES.has(child.type)
      ? [{ value: child.id, label: child.name }]
      : (child.children ?? []).filter((cell) => CELL_TYPES.has(cell.type)).map((cell) => ({ value: cell.id, label: `${child.name} › ${cell.name}` })),
  );
}

/** The first step's choices, from the address: the kind, in or outside the system, the area; and the member an officer acts for. */
function choicesOf(url: URL) {
  const kind: TransferKind = url.searchParams.get('loai') === 'TEMPORARY' ? 'TEMPORARY' : 'OFFICIAL';
  const where = url.searchParams.get('noi-den');
  return {
    kind,
    where: where === 'trong' || where === 'ngoai' ? where : null,
    area: url.searchParams.get('khu-vuc') || null,
    memberId: url.searchParams.get('dang-vien') || null,
    chosen: url.searchParams.has('loai'),
  };
}

export const load: PageServerLoad = async (event) => {
  const choices = choicesOf(event.url);
  const withArea = choices.where === 'trong' && choices.area !== null;
  const variables = { memberId: choices.memberId ?? '', forMember: choices.memberId !== null, area: choices.area ?? '', withArea };
  const data = await loadRecord(event, TransferRequestQuery, variables, (answer) => ((answer.member ?? answer.me) ? answer : null));
  const requester = (data.member ?? data.me)!;
  const areas = data.organizationRoots.flatMap((root) => [root, ...root.children]).map((o) => ({ value: o.id, label: o.name }));
  return { choices, requester, areas, area: data.area ?? null, cells: data.area ? cellsOf(data.area) : [] };
};

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

export const actions: Actions = {
  /** Opens the dossier as a draft, with the vouchers read now; the dossier's page then offers to send it to the cell. */
  default: async (event) => {
    const choices = choicesOf(event.url);
    const form = await event.request.formData();
    const values = {
      destination: text(form, 'destination') || null,
      outsideName: text(form, 'outsideName') || null,
      outsideAddress: text(form, 'outsideAddress') || null,
      reason: text(form, 'reason'),
      decisionReference: text(form, 'decisionReference'),
      effectiveOn: text(form, 'effectiveOn'),
      endsOn: text(form, 'endsOn') || null,
      fullTimeStudy: form.get('fullTimeStudy') === 'co' ? 'co' : null,
      selfReview: text(form, 'selfReview'),
      memberConsent: text(form, 'memberConsent') || null,
    };
    const fieldErrors: Record<string, string> = {};
    const effectiveOn = parseDayInput(values.effectiveOn);
    const endsOn = values.endsOn === null ? null : parseDayInput(values.endsOn);
    const wrongDay = 'Ngày chưa đúng: hãy ghi ngày/tháng/năm, ví dụ 25/12/2026.';
    if (!effectiveOn) fieldErrors.effectiveOn = values.effectiveOn ? wrongDay : 'Xin ghi ngày quyết định có hiệu lực.';
    if (values.endsOn !== null && !endsOn) fieldErrors.endsOn = wrongDay;
    if (choices.kind === 'TEMPORARY' && values.endsOn === null) fieldErrors.endsOn = 'Xin ghi ngày dự kiến kết thúc sinh hoạt tạm thời.';
    const inSystem = choices.where !== 'ngoai';
    if (inSystem && !values.destination) fieldErrors.destination = 'Xin chọn chi bộ nơi đến.';
    if (!inSystem && !values.outsideName) fieldErrors.outsideName = 'Xin ghi tên tổ chức đảng nơi đến.';
    if (!inSystem && !values.outsideAddress) fieldErrors.outsideAddress = 'Xin ghi địa chỉ tổ chức đảng nơi đến.';
    if (Object.keys(fieldErrors).length) return refused(400, 'start', { fieldErrors, values });

    const forMember = choices.memberId !== null;
    const vouchers = await query(event, TransferVouchersQuery, { memberId: choices.memberId ?? '', forMember, destination: values.destination ?? '', inSystem });
    const memberVoucher = (forMember ? vouchers.data?.member : vouchers.data?.me)?.transferVoucher;
    if (!memberVoucher) return refused(403, 'start', { message: 'Đồng chí không có quyền lập hồ sơ chuyển sinh hoạt cho đảng viên này.', values });
    const input = {
      kind: choices.kind,
      memberVoucher,
      ...(inSystem ? { destinationVoucher: vouchers.data?.organization?.transferVoucher ?? '' } : { outsideDestination: { name: values.outsideName!, address: values.outsideAddress! } }),
      reason: values.reason,
      decisionReference: values.decisionReference,
      effectiveOn: effectiveOn!,
      endsOn,
      fullTimeStudy: values.fullTimeStudy === 'co',
      selfReview: values.selfReview,
      ...(forMember ? { memberConsent: values.memberConsent } : {}),
    };
    const { data, code } = await mutate(event, StartTransferMutation, { input });
    const outcome = settle('start', { code, payload: data?.startTransfer }, { done: null }, { ...values, destinationVoucher: values.destination, outsideDestination: values.outsideName });
    const id = data?.startTransfer.transfer?.id;
    if (id) redirect(303, `/chuyen-sinh-hoat/${id}`);
    return outcome;
  },
};
