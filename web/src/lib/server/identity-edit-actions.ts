import { settle } from '../form-result.ts';
import { DecideIdentityEditDocument, WithdrawIdentityEditDocument } from '../graphql/generated/graphql.ts';
import { mutate } from './gateway.ts';

type Event = Parameters<typeof mutate>[0] & { request: Request };

const text = (form: FormData, name: string) => {
  const value = String(form.get(name) ?? '').trim();
  return value === '' ? null : value;
};

const FORBIDDEN = 'Đồng chí không có quyền duyệt đề nghị này.';

/**
 * The committee's decision on an identity edit, from the member's page or the committee's queue: the button
 * pressed approves or rejects; a rejection carries its reason (`note`).
 */
export async function decideIdentityEdit(event: Event) {
  const form = await event.request.formData();
  const values = { id: text(form, 'id'), note: text(form, 'note') };
  const approve = form.get('approve') === 'true';
  const input = { id: values.id ?? '', expectedVersion: Number(form.get('expectedVersion')), approve, note: values.note };
  const { data, code } = await mutate(event, DecideIdentityEditDocument, { input });
  return settle(
    'decideEdit',
    { code, payload: data?.decideIdentityEdit },
    { forbidden: FORBIDDEN, done: approve ? 'Đã duyệt: hồ sơ đảng viên đã được cập nhật.' : 'Đã ghi việc không duyệt đề nghị, kèm lý do.' },
    values,
  );
}

/** Whoever proposed an identity edit withdraws it. */
export async function withdrawIdentityEdit(event: Event) {
  const form = await event.request.formData();
  const input = { id: text(form, 'id') ?? '', expectedVersion: Number(form.get('expectedVersion')) };
  const { data, code } = await mutate(event, WithdrawIdentityEditDocument, { input });
  return settle('withdrawEdit', { code, payload: data?.withdrawIdentityEdit }, { forbidden: FORBIDDEN, done: 'Đã rút đề nghị.' });
}
