import { fail } from '@sveltejs/kit';
import { SecuritySettingsQuery, SetSecondFactorMutation, StartSecondFactorMutation } from '#lib/graphql/operations.ts';
import { mutateSignedIn, querySignedIn } from '#lib/server/gateway.ts';
import { enrolmentOf } from '#lib/server/second-factor.ts';
import { rolesWithheldIn } from '#lib/session.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const BUSY = 'Hệ thống đang bận, chưa thực hiện được. Vui lòng thử lại sau ít phút.';

export const load: PageServerLoad = async (event) => {
  const { data } = await querySignedIn(event, SecuritySettingsQuery, {});
  return {
    enabled: data.me?.account?.secondFactorEnabled ?? false,
    rolesWithheld: rolesWithheldIn(event.url),
  };
};

/** Confirms the pending enrolment or turns the second factor off, with the code the app shows now. */
async function setSecondFactor(event: RequestEvent, change: 'confirm' | 'disable') {
  const form = await event.request.formData();
  const code = String(form.get('code') ?? '').replace(/\s/g, '');
  // While confirming, the page keeps showing the QR code and the secret the member is enrolling.
  const enrolment = change === 'confirm' ? enrolmentOf(String(form.get('otpauthUri') ?? '')) : null;
  if (!/^\d{6}$/.test(code)) {
    return fail(400, { change, enrolment, codeError: 'Nhập đủ 6 chữ số đang hiện trong ứng dụng xác thực.' });
  }
  const variables = { code, confirm: change === 'confirm', disable: change === 'disable' };
  const { data } = await mutateSignedIn(event, SetSecondFactorMutation, variables);
  const payload = data?.confirmSecondFactor ?? data?.disableSecondFactor;
  if (!payload) return fail(503, { change, enrolment, formError: BUSY });
  const problem = payload.userErrors[0];
  if (problem?.field === 'code') return fail(400, { change, enrolment, codeError: problem.message });
  if (problem) return fail(400, { change, enrolment: null, formError: problem.message });
  return { changed: change };
}

export const actions: Actions = {
  /** A fresh secret to scan; it stays pending until confirmed with a first code. */
  start: async (event) => {
    const { data } = await mutateSignedIn(event, StartSecondFactorMutation, {});
    const payload = data?.startSecondFactor;
    if (!payload) return fail(503, { formError: BUSY });
    const enrolment = payload.otpauthUri ? enrolmentOf(payload.otpauthUri) : null;
    if (!enrolment) return fail(400, { formError: payload.userErrors[0]?.message ?? BUSY });
    return { enrolment };
  },
  confirm: (event) => setSecondFactor(event, 'confirm'),
  disable: (event) => setSecondFactor(event, 'disable'),
};
