import { DAY_INPUT_HINT, parseDayInput } from '#lib/day-input.ts';
import { refused, settle } from '#lib/form-result.ts';
import type { OrgType } from '#lib/graphql/generated/graphql.ts';
import { mutate } from '#lib/server/gateway.ts';
import { loadRecord } from '#lib/server/partial-query.ts';
import { ClassificationQuery, ConfirmTypeMutation, ReclassifyMutation, SetAdministrativeUnitMutation, SetRolloutStageMutation } from './classification.graphql.ts';
import type { Actions, PageServerLoad } from './$types';

/** The organization's kind, its place in the roll-out and its readiness: readable by anyone who may open the organization. */
export const load: PageServerLoad = async (event) => ({
  organization: await loadRecord(event, ClassificationQuery, { id: event.params.id }, (data) => data.organization),
});

const text = (form: FormData, name: string) => {
  const value = String(form.get(name) ?? '').trim();
  return value === '' ? null : value;
};

export const actions: Actions = {
  /** A new kind, where it stands or under a committee beside it (a grassroots cell becoming its subordinate cell). */
  reclassify: async (event) => {
    const form = await event.request.formData();
    const values = { type: text(form, 'type'), newParentId: text(form, 'newParentId'), effectiveOn: text(form, 'effectiveOn') };
    if (!values.type) return refused(400, 'reclassify', { fieldErrors: { type: 'Chọn loại hình mới.' }, values });
    const effectiveOn = values.effectiveOn ? parseDayInput(values.effectiveOn) : null;
    if (values.effectiveOn && !effectiveOn) return refused(400, 'reclassify', { fieldErrors: { effectiveOn: `Ngày không đúng. ${DAY_INPUT_HINT}` }, values });
    const { data, code } = await mutate(event, ReclassifyMutation, {
      input: { id: event.params.id, type: values.type as OrgType, newParentId: values.newParentId, effectiveOn },
    });
    return settle(
      'reclassify',
      { code, payload: data?.reclassifyOrganization },
      { forbidden: 'Chỉ quản trị viên hoặc bí thư của cấp ủy cấp trên được phân loại lại tổ chức này.', done: 'Đã phân loại lại tổ chức; loại hình cũ vẫn giữ trong lịch sử.' },
      values,
    );
  },
  /** The kind reviewed and kept as it is, from above: counted as classified (docs/rules/organization-tree.md#classification-review). */
  confirmType: async (event) => {
    const { data, code } = await mutate(event, ConfirmTypeMutation, { input: { id: event.params.id } });
    return settle(
      'confirmType',
      { code, payload: data?.confirmOrganizationType },
      { forbidden: 'Chỉ quản trị viên hoặc bí thư của cấp ủy cấp trên được xác nhận loại hình của tổ chức này.', done: 'Đã ghi nhận: loại hình của tổ chức đã được rà soát và giữ nguyên.' },
      {},
    );
  },
  /** The month the organization starts doing the procedures online, set from above. */
  rolloutStage: async (event) => {
    const form = await event.request.formData();
    const values = { onlineFrom: text(form, 'onlineFrom') };
    const { data, code } = await mutate(event, SetRolloutStageMutation, { input: { id: event.params.id, onlineFrom: values.onlineFrom } });
    return settle(
      'rolloutStage',
      { code, payload: data?.setRolloutStage },
      {
        forbidden: 'Chỉ quản trị viên hoặc bí thư của cấp ủy cấp trên được đặt lộ trình triển khai.',
        done: values.onlineFrom ? 'Đã lưu tháng bắt đầu thực hiện trực tuyến.' : 'Đã bỏ tháng riêng; tổ chức theo lộ trình của cấp trên.',
      },
      values,
    );
  },
  /**
   * The administrative unit a commune-level committee serves, set from above (docs/rules/organization-tree.md#administrative-unit);
   * an empty code clears it. The API checks the code and that no other committee holds it.
   */
  administrativeUnit: async (event) => {
    const form = await event.request.formData();
    const values = { administrativeUnitCode: text(form, 'administrativeUnitCode') };
    const { data, code } = await mutate(event, SetAdministrativeUnitMutation, { input: { id: event.params.id, administrativeUnitCode: values.administrativeUnitCode } });
    return settle(
      'administrativeUnit',
      { code, payload: data?.setAdministrativeUnit },
      {
        forbidden: 'Chỉ quản trị viên hoặc bí thư của cấp ủy cấp trên được gắn đơn vị hành chính cho đảng bộ này.',
        done: values.administrativeUnitCode ? `Đã gắn đảng bộ với đơn vị hành chính mã ${values.administrativeUnitCode}.` : 'Đã bỏ mã đơn vị hành chính của đảng bộ.',
      },
      values,
    );
  },
};
