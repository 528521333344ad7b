import { refused, settle } from '#lib/form-result.ts';
import { loadQuery, mutate } from '#lib/server/gateway.ts';
import { enrolmentOf, type Enrolment } from '#lib/server/second-factor.ts';
import { rolesWithheldIn } from '#lib/session.ts';
import { SecuritySettingsQuery, SetSecondFactorMutation, StartSecondFactorMutation } from './security.graphql.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
  const { me } = await loadQuery(event, SecuritySettingsQuery, {});
  return {
    enabled: me?.account?.secondFactorEnabled ?? false,
    canChangePassword: me?.account?.availableActions.includes('CHANGE_PASSWORD') ?? false,
    rolesWithheld: rolesWithheldIn(event.url),
  };
};

const CONFIRMED = 'Đã bật xác thực hai lớp. Từ lần đăng nhập sau, đồng chí nhập thêm mã 6 chữ số trong ứng dụng.';
const DISABLED = 'Đã tắt xác thực hai lớp.';

/** Confirms the pending enrolment or turns the second factor off, with the code the app shows now. */
async function setSecondFactor(event: RequestEvent, change: 'confirm' | 'disable') {
  const form = await event.request.formData();
  const code = String(form.get('code') ?? '').replace(/\s/g, '');
  // While confirming, the page keeps showing the QR code and the secret the member is enrolling.
  const enrolment = change === 'confirm' ? enrolmentOf(String(form.get('otpauthUri') ?? '')) : null;
  if (!/^\d{6}$/.test(code)) {
    return refused<typeof change, Enrolment>(400, change, { fieldErrors: { code: 'Nhập đủ 6 chữ số đang hiện trong ứng dụng xác thực.' }, extra: enrolment });
  }
  const { data, code: refusal } = await mutate(event, SetSecondFactorMutation, { input: { code }, confirm: change === 'confirm', disable: change === 'disable' });
  const payload = data?.confirmSecondFactor ?? data?.disableSecondFactor;
  return settle(change, { code: refusal, payload }, { done: change === 'confirm' ? CONFIRMED : DISABLED }, { code: null }, enrolment);
}

export const actions: Actions = {
  /** A fresh secret to scan; it stays pending until confirmed with a first code. */
  start: async (event) => {
    const { data, code } = await mutate(event, StartSecondFactorMutation, {});
    const payload = data?.startSecondFactor;
    const enrolment = payload?.otpauthUri ? enrolmentOf(payload.otpauthUri) : null;
    // A payload with neither a usable URI nor a reason is no answer at all.
    const answered = enrolment || payload?.userErrors.length ? payload : null;
    return settle('start', { code, payload: answered }, { done: null, extra: () => enrolment });
  },
  confirm: (event) => setSecondFactor(event, 'confirm'),
  disable: (event) => setSecondFactor(event, 'disable'),
};
