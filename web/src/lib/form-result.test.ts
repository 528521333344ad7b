import { describe, expect, it } from 'vitest';
import { askFirst, CONFIRMED_FIELD, done, isConfirmed, resultOf, settle, type FormResult } from './form-result.ts';

const problem = (field: string | null, message: string) => ({ code: 'INVALID', field, message });
const payload = (...userErrors: ReturnType<typeof problem>[]) => ({ userErrors, saved: 'yes' });
const say = { forbidden: 'Chỉ bí thư được làm việc này.', notFound: 'Không còn tổ chức này.', done: 'Đã lưu.' };
const typed = { phone: '12345', workplace: 'UBND xã' };

describe('the answer to a form', () => {
  it('says what was done, with what the action hands back', () => {
    expect(settle('update', { code: null, payload: payload() }, { ...say, done: (p) => `Đã lưu: ${p.saved}.`, extra: (p) => p.saved }, typed)).toEqual({
      action: 'update',
      ok: true,
      message: 'Đã lưu: yes.',
      fieldErrors: {},
      values: {},
      extra: 'yes',
      asking: null,
    });
  });

  it('refuses a caller the API refuses (403), keeping what was typed', () => {
    const answer = settle('update', { code: 'FORBIDDEN', payload: null }, say, typed);
    expect(answer).toMatchObject({ status: 403, data: { ok: false, message: 'Chỉ bí thư được làm việc này.', values: typed } });
  });

  it('says when there is nothing to act on (404)', () => {
    expect(settle('update', { code: 'NOT_FOUND', payload: null }, say)).toMatchObject({ status: 404, data: { message: 'Không còn tổ chức này.' } });
  });

  it('says the system is busy when no payload came (503), keeping what the form needs to be sent again', () => {
    expect(settle('confirm', { code: 'INTERNAL', payload: null }, say, {}, 'qr')).toMatchObject({
      status: 503,
      data: { message: 'Hệ thống đang bận, chưa thực hiện được. Vui lòng thử lại sau ít phút.', extra: 'qr' },
    });
  });

  it('puts each user error beside its field, and one about no field of the form above it (400)', () => {
    const answer = settle('update', { code: null, payload: payload(problem('phone', 'Số điện thoại có 10 chữ số.'), problem('expectedVersion', 'Hồ sơ vừa được người khác sửa.')) }, say, typed);
    expect(answer).toMatchObject({
      status: 400,
      data: { message: 'Hồ sơ vừa được người khác sửa.', fieldErrors: { phone: 'Số điện thoại có 10 chữ số.' }, values: typed },
    });
  });

  it('keeps the form’s context only while every refusal is about a field', () => {
    const code = { code: '' };
    expect(settle('confirm', { code: null, payload: payload(problem('code', 'Mã không đúng.')) }, say, code, 'qr')).toMatchObject({ data: { extra: 'qr' } });
    expect(settle('confirm', { code: null, payload: payload(problem(null, 'Chưa có mã chờ xác nhận.')) }, say, code, 'qr')).toMatchObject({ data: { extra: null } });
  });

  it('is read by the form it answers only', () => {
    const answer = done('lock', 'Đã khóa tài khoản.') as FormResult<'lock'> | FormResult<'grantRole'>;
    expect(resultOf(answer, 'lock')).toBe(answer);
    expect(resultOf(answer, 'grantRole')).toBeNull();
  });

  it('asks before a step that cannot be undone, until the confirmation is sent with the form', () => {
    expect(askFirst('roles', 'endRole', { grantId: 'g1' })).toMatchObject({ ok: true, message: null, asking: 'endRole', values: { grantId: 'g1' } });
    const form = new FormData();
    expect(isConfirmed(form)).toBe(false);
    form.set(CONFIRMED_FIELD, 'co');
    expect(isConfirmed(form)).toBe(true);
  });
});
