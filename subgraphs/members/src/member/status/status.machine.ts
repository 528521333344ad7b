import { defineMachine, holdsAny, type Machine, type Relation, type Role, type UserError } from '@dangvu/subgraph-kit';
import { STATUS_CHANGES, statusFitError, type ActivityStatus, type StatusChangeKind } from './status.rules.ts';

/** `NONE`: no procedure yet, the state an application or a direct decision starts from. */
export type StatusChangeState = 'NONE' | 'APPLIED' | 'RESOLVED' | 'REPORTED' | 'REJECTED' | 'WITHDRAWN' | 'DECIDED';
export type StatusChangeAction = 'APPLY' | 'RESOLVE' | 'REJECT' | 'WITHDRAW' | 'REPORT' | 'DECIDE';

export interface StatusChangeEntity {
  state: StatusChangeState;
  /** The member's status now: a procedure starts, and is decided, only from the statuses it allows. */
  memberStatus: ActivityStatus;
}

/**
 * The caller's relation to the member, worked out by the members policy: `rolesOver` reach the member's
 * organization (the cell), `rolesAbove` the organization above it (the competent committee), and
 * `coveringRoles` cover every role the member holds, as for accounts (docs/rules/accounts.md#who-acts-on-an-account).
 */
export interface StatusActor extends Relation {
  rolesAbove: readonly Role[];
  coveringRoles: readonly Role[];
}

const DECIDERS: readonly Role[] = ['SECRETARY', 'DEPUTY_SECRETARY'];
const covers = (actor: StatusActor) => actor.coveringRoles.some((role) => DECIDERS.includes(role));

/** The cell decides: its secretary or deputy (or an officer above), never on themself, nor on a holder of roles they do not cover. */
const cellDecides = (actor: StatusActor) => !actor.self && holdsAny(actor, DECIDERS) && covers(actor);
/** The competent committee decides the terminal statuses: an officer of an organization above the member's. */
const committeeDecides = (actor: StatusActor) => !actor.self && actor.rolesAbove.some((role) => DECIDERS.includes(role)) && covers(actor);
/** The member applies, or an officer of the cell records the written application for them. */
const mayApply = (actor: StatusActor) => actor.self || cellDecides(actor);

const refused = (code: string, message: string): UserError => ({ code, field: 'memberId', message });

/** Why an officer may not act, where the reason is the member themself or the roles the member holds. */
function deciderRefusal(actor: StatusActor, who: 'cell' | 'committee', label: string): UserError {
  if (actor.self) return refused('FORBIDDEN_ACTION', `Đồng chí không thể tự quyết định việc ${label} của chính mình.`);
  const reaches = who === 'cell' ? holdsAny(actor, DECIDERS) : actor.rolesAbove.some((role) => DECIDERS.includes(role));
  if (reaches && !covers(actor)) {
    return refused('FORBIDDEN_ACTION', `Đảng viên này giữ chức vụ ngang hoặc cao hơn quyền của đồng chí, nên việc ${label} do cấp trên của đồng chí ấy quyết định.`);
  }
  return refused(
    'FORBIDDEN_ACTION',
    who === 'cell' ? `Việc ${label} do bí thư hoặc phó bí thư chi bộ quyết định.` : `Việc ${label} do cấp ủy có thẩm quyền (cấp trên của chi bộ) quyết định.`,
  );
}

const STATES: Record<StatusChangeState, string> = {
  NONE: 'chưa có',
  APPLIED: 'đang chờ chi bộ xem xét',
  RESOLVED: 'đã có nghị quyết của chi bộ',
  REPORTED: 'đã báo cáo cấp trên',
  REJECTED: 'đã bị chi bộ không chấp thuận',
  WITHDRAWN: 'đã được rút lại',
  DECIDED: 'đã có quyết định',
};

type Spec = Machine<StatusChangeState, StatusChangeAction, StatusActor, StatusChangeEntity>['actions'][StatusChangeAction];

/** The steps, worded for one procedure; each machine below takes the steps its procedure has. */
function steps(kind: StatusChangeKind) {
  const { to, label } = STATUS_CHANGES[kind];
  const fits = (entity: StatusChangeEntity) => statusFitError(kind, entity.memberStatus);
  const never: Spec = { label, from: [], to: 'NONE', allowed: () => false };
  const refusalBy = (who: 'cell' | 'committee'): Spec['refusal'] => (reason, _state, actor) => (reason === 'FORBIDDEN_ACTION' ? deciderRefusal(actor, who, label) : null);
  return {
    never,
    APPLY: { label: `nộp đơn ${label}`, from: ['NONE'], to: 'APPLIED', allowed: mayApply, guard: fits, refusal: refusalBy('cell') } satisfies Spec,
    RESOLVE: { label: `thông qua nghị quyết ${label}`, from: ['APPLIED'], to: 'RESOLVED', allowed: cellDecides, guard: fits, refusal: refusalBy('cell') } satisfies Spec,
    REJECT: { label: `không chấp thuận đơn ${label}`, from: ['APPLIED'], to: 'REJECTED', allowed: cellDecides, refusal: refusalBy('cell') } satisfies Spec,
    WITHDRAW: { label: `rút đơn ${label}`, from: ['APPLIED'], to: 'WITHDRAWN', allowed: (actor) => actor.self } satisfies Spec,
    REPORT: { label: `báo cáo cấp trên việc ${label}`, from: ['RESOLVED'], to: 'REPORTED', allowed: cellDecides, refusal: refusalBy('cell') } satisfies Spec,
    decideBy: (who: 'cell' | 'committee'): Spec => ({
      label,
      from: ['NONE'],
      to: 'DECIDED',
      allowed: who === 'cell' ? cellDecides : committeeDecides,
      guard: fits,
      refusal: refusalBy(who),
    }),
    to,
  };
}

const machineOf = (kind: StatusChangeKind, pick: (s: ReturnType<typeof steps>) => Record<StatusChangeAction, Spec>) =>
  defineMachine<StatusChangeState, StatusChangeAction, StatusActor, StatusChangeEntity>({
    subject: `thủ tục ${STATUS_CHANGES[kind].label}`,
    states: STATES,
    stateOf: (entity) => entity.state,
    field: 'id',
    actions: pick(steps(kind)),
  });

/** Applied for, adopted by the cell's resolution (the status changes then), reported to the superior. */
const withReport = (kind: StatusChangeKind) =>
  machineOf(kind, (s) => ({ APPLY: s.APPLY, RESOLVE: s.RESOLVE, REJECT: s.REJECT, WITHDRAW: s.WITHDRAW, REPORT: s.REPORT, DECIDE: s.never }));
/** Applied for and adopted by the cell's resolution. */
const byApplication = (kind: StatusChangeKind) =>
  machineOf(kind, (s) => ({ APPLY: s.APPLY, RESOLVE: s.RESOLVE, REJECT: s.REJECT, WITHDRAW: s.WITHDRAW, REPORT: s.never, DECIDE: s.never }));
/** One decision, recorded with its reference: by the cell, or by the competent committee. */
const byDecision = (kind: StatusChangeKind, who: 'cell' | 'committee') =>
  machineOf(kind, (s) => ({ APPLY: s.never, RESOLVE: s.never, REJECT: s.never, WITHDRAW: s.never, REPORT: s.never, DECIDE: s.decideBy(who) }));

/** One small machine per procedure (docs/rules/member-status.md). */
export const statusMachines: Record<StatusChangeKind, Machine<StatusChangeState, StatusChangeAction, StatusActor, StatusChangeEntity>> = {
  EXEMPTION: withReport('EXEMPTION'),
  TEMPORARY_EXEMPTION: byApplication('TEMPORARY_EXEMPTION'),
  RETURN_TO_ACTIVITY: byApplication('RETURN_TO_ACTIVITY'),
  ABROAD: byDecision('ABROAD', 'cell'),
  REMOVAL: byDecision('REMOVAL', 'committee'),
  EXPULSION: byDecision('EXPULSION', 'committee'),
  DEATH: byDecision('DEATH', 'committee'),
  LEFT_SYSTEM: byDecision('LEFT_SYSTEM', 'committee'),
};

/** The status a step leaves the member in, when the step changes it: the resolution or the decision. */
export const changesStatus = (action: StatusChangeAction) => action === 'RESOLVE' || action === 'DECIDE';

/** A state no step of the procedure starts from: the procedure is closed there. */
export const isFinal = (kind: StatusChangeKind, state: StatusChangeState) => {
  const machine = statusMachines[kind];
  return machine.actionNames.every((action) => !machine.actions[action].from.includes(state));
};

/** Every step leads to a stored state: `NONE` is only where a procedure starts. */
export const stored = (state: StatusChangeState): Exclude<StatusChangeState, 'NONE'> => {
  if (state === 'NONE') throw new Error('a status change step never leads back to NONE');
  return state;
};
