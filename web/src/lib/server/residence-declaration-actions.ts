import { settle } from '../form-result.ts';
import { DecideResidenceDeclarationDocument, WithdrawResidenceDeclarationDocument } from '../graphql/generated/graphql.ts';
import { mutate } from './gateway.ts';

type Event = Parameters<typeof mutate>[0] & { request: Request };

const text = (form: FormData, name: string) => {
  const value = String(form.get(name) ?? '').trim();
  return value === '' ? null : value;
};

/** The commune committee confirms a declared residence cell, or does not with its reason (`note`). */
export async function decideResidenceDeclaration(event: Event) {
  const form = await event.request.formData();
  const values = { id: text(form, 'id'), note: text(form, 'note') };
  const confirm = form.get('confirm') === 'true';
  const input = { id: values.id ?? '', expectedVersion: Number(form.get('expectedVersion')), confirm, note: values.note };
  const { data, code } = await mutate(event, DecideResidenceDeclarationDocument, { input });
  return settle(
    'decideResidence',
    { code, payload: data?.decideResidenceDeclaration },
    {
      forbidden: 'Đồng chí không có quyền xác nhận nơi cư trú này.',
      done: confirm ? 'Đã xác nhận chi bộ nơi cư trú.' : 'Đã ghi việc không xác nhận, kèm lý do.',
    },
    values,
  );
}

/** The member, or whoever declared for them, withdraws a declaration awaiting confirmation. */
export async function withdrawResidenceDeclaration(event: Event) {
  const form = await event.request.formData();
  const input = { id: text(form, 'id') ?? '', expectedVersion: Number(form.get('expectedVersion')) };
  const { data, code } = await mutate(event, WithdrawResidenceDeclarationDocument, { input });
  return settle('withdrawResidence', { code, payload: data?.withdrawResidenceDeclaration }, { done: 'Đã rút khai báo.' });
}
