import { fail, type ActionFailure } from '@sveltejs/kit';
import type { UserErrorFieldsFragment } from './graphql/generated/graphql.ts';

/**
 * What every form action answers, done or refused, in one shape that `FormNotice` and the fields read.
 * `action` names the form answered, for a page with several forms.
 */
export interface FormResult<Action extends string = string, Extra = null> {
  action: Action;
  ok: boolean;
  /** Said above the form: what was done, or what stopped the form as a whole. */
  message: string | null;
  /** Said beside each field, by its name. */
  fieldErrors: Record<string, string>;
  /** What was typed, so that a refused form still holds it. */
  values: Record<string, string | null>;
  /** What the action hands back besides (an activation code, an enrolment). */
  extra: Extra | null;
  /** Set when nothing was done yet: the step cannot be undone and the page asks first (see `askFirst`). */
  asking: string | null;
}

export const BUSY = 'Hệ thống đang bận, chưa thực hiện được. Vui lòng thử lại sau ít phút.';
const FORBIDDEN = 'Đồng chí không có quyền làm việc này.';

export function done<Action extends string, Extra = null>(action: Action, message: string | null, extra: Extra | null = null): FormResult<Action, Extra> {
  return { action, ok: true, message, fieldErrors: {}, values: {}, extra, asking: null };
}

/** The field a confirmation step sends: a form without it only asks. */
export const CONFIRMED_FIELD = 'xac-nhan';

export const isConfirmed = (form: FormData) => form.get(CONFIRMED_FIELD) === 'co';

/**
 * The first press of a button whose step cannot be undone (revoking, locking, ending a role): nothing is
 * done, and the page asks `question` with what will happen, sending again with `CONFIRMED_FIELD` when the
 * person agrees. A plain form round trip, so that it asks without scripts too; `values` name what is asked about.
 */
export function askFirst<Action extends string>(action: Action, question: string, values: Record<string, string | null> = {}): FormResult<Action> {
  return { action, ok: true, message: null, fieldErrors: {}, values, extra: null, asking: question };
}

export function refused<Action extends string, Extra = null>(
  status: number,
  action: Action,
  problem: Partial<Omit<FormResult<Action, Extra>, 'action' | 'ok'>>,
): ActionFailure<FormResult<Action, Extra>> {
  return fail(status, { action, ok: false, message: null, fieldErrors: {}, values: {}, extra: null, asking: null, ...problem });
}

interface Say<Payload, Extra> {
  /** When the API refuses the caller; a general sentence otherwise. */
  forbidden?: string;
  /** When the API finds nothing to act on. */
  notFound?: string;
  /** The confirmation; null when what the page shows next says it. */
  done: string | null | ((payload: Payload) => string);
  /** What a successful action hands back to the page. */
  extra?: (payload: Payload) => Extra;
}

/**
 * The ladder every form action climbs after its mutation, in this order: the API refused the caller (403)
 * or found nothing to act on (404); it gave no payload (503, busy); the payload carries user errors (400),
 * each said beside its field when the form has that field (a key of `values`) and above the form otherwise;
 * else done. `keep` goes back with a refusal after which the same form is sent again (fields to correct, or
 * a busy system); a refusal of the form as a whole drops it.
 */
export function settle<Action extends string, Payload extends { userErrors: readonly UserErrorFieldsFragment[] }, Extra = null>(
  action: Action,
  outcome: { code: string | null; payload: Payload | null | undefined },
  say: Say<Payload, Extra>,
  values: Record<string, string | null> = {},
  keep: Extra | null = null,
): FormResult<Action, Extra> | ActionFailure<FormResult<Action, Extra>> {
  if (outcome.code === 'FORBIDDEN') return refused(403, action, { message: say.forbidden ?? FORBIDDEN, values });
  if (outcome.code === 'NOT_FOUND' && say.notFound) return refused(404, action, { message: say.notFound, values });
  const { payload } = outcome;
  if (!payload) return refused(503, action, { message: BUSY, values, extra: keep });
  if (payload.userErrors.length) {
    const beside = payload.userErrors.filter((problem) => problem.field !== null && problem.field !== undefined && problem.field in values);
    const above = payload.userErrors.filter((problem) => !beside.includes(problem));
    return refused(400, action, {
      message: above.map((problem) => problem.message).join(' ') || null,
      fieldErrors: Object.fromEntries(beside.map((problem) => [problem.field!, problem.message])),
      values,
      extra: above.length ? null : keep,
    });
  }
  return done(action, typeof say.done === 'function' ? say.done(payload) : say.done, say.extra?.(payload) ?? null);
}

/** The answer of the form named `action`, or null when the page shows another form's answer (or none). */
export function resultOf<Result extends FormResult<string, unknown>, Action extends Result['action']>(
  form: Result | null | undefined,
  action: Action,
): Extract<Result, { action: Action }> | null {
  return form?.action === action ? (form as Extract<Result, { action: Action }>) : null;
}
