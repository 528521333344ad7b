import type { UserError } from '../user-error.ts';

/** Why the machine itself refused an action, before any guard of the action's own. */
export type Refusal = 'FORBIDDEN_ACTION' | 'ILLEGAL_TRANSITION';

export interface ActionDefinition<State extends string, Actor, Entity, Input> {
  /** What the action does, as a Vietnamese verb phrase that messages embed: "khóa tài khoản". */
  label: string;
  /** The states the action may start from. */
  from: readonly State[];
  /** Where it leads; a function when the entity's data decides (unlocking returns to where the account was). */
  to: State | ((entity: Entity) => State);
  /**
   * Whether this actor may take the action on this entity. The actor is the caller's relation to the entity,
   * worked out by the subgraph's policy before the machine is asked, so that this stays a pure predicate.
   */
  allowed(actor: Actor, entity: Entity): boolean;
  /** A refusal by the entity's data or the action's input (a deadline passed, a field missing), or null. */
  guard?(entity: Entity, input: Input | undefined): UserError | null;
  /**
   * The action's own wording of a machine refusal, for codes partners already branch on (`ACCOUNT_EXISTS`
   * rather than `ILLEGAL_TRANSITION` when issuing an account a member already has) or for telling an actor
   * why they may not; null keeps the default.
   */
  refusal?(reason: Refusal, state: State, actor: Actor): UserError | null;
  /** The input field this action's refusals concern, when not the machine's. */
  field?: string | null;
}

export interface MachineDefinition<State extends string, Action extends string, Actor, Entity, Input = unknown> {
  /** The entity as messages name it: "tài khoản". */
  subject: string;
  /** Every state, with how a message describes an entity in it: `LOCKED: 'đang bị khóa'`. */
  states: Record<State, string>;
  stateOf(entity: Entity): State;
  /** The mutation input field that refusals concern (usually the entity's id), or null. */
  field: string | null;
  actions: Record<Action, ActionDefinition<State, Actor, Entity, Input>>;
}

export interface Machine<State extends string, Action extends string, Actor, Entity, Input = unknown>
  extends MachineDefinition<State, Action, Actor, Entity, Input> {
  /** In the order they were defined: `availableActions` lists actions in this order. */
  readonly stateNames: readonly State[];
  readonly actionNames: readonly Action[];
}

export type Transition<State extends string> =
  | { ok: true; from: State; to: State }
  | { ok: false; error: UserError };

/**
 * A state machine as data: states, actions with where they may start and lead, who may take them and which
 * data or input blocks them. Pure: no I/O, so the table test can walk every state × action × actor.
 * A definition that names a state it does not declare is a programming error and throws here, at start-up.
 */
export function defineMachine<State extends string, Action extends string, Actor, Entity, Input = unknown>(
  definition: MachineDefinition<State, Action, Actor, Entity, Input>,
): Machine<State, Action, Actor, Entity, Input> {
  const stateNames = Object.keys(definition.states) as State[];
  const actionNames = Object.keys(definition.actions) as Action[];
  for (const action of actionNames) {
    const { from, to } = definition.actions[action];
    const named = typeof to === 'string' ? [...from, to] : from;
    const unknown = named.filter((state) => !stateNames.includes(state));
    if (unknown.length) throw new Error(`machine ${definition.subject}: action ${action} names undeclared states ${unknown.join(', ')}`);
  }
  return { ...definition, stateNames, actionNames };
}

/**
 * What `actor` may do to `entity` now: the actions that start from its state and that the actor is allowed.
 * Guards are not consulted, since they may depend on input not given yet; a guard's refusal comes back
 * from `transition` as a user error. This is what an entity's `availableActions` field exposes.
 */
export function availableActions<State extends string, Action extends string, Actor, Entity, Input>(
  machine: Machine<State, Action, Actor, Entity, Input>,
  entity: Entity,
  actor: Actor,
): Action[] {
  const state = machine.stateOf(entity);
  return machine.actionNames.filter((action) => {
    const spec = machine.actions[action];
    return spec.from.includes(state) && spec.allowed(actor, entity);
  });
}

/**
 * Whether `actor` may take `action` on `entity` with `input`, and the state it leads to. The actor is checked
 * before the state, so a caller who may not act learns nothing about the entity's state from the refusal.
 */
export function transition<State extends string, Action extends string, Actor, Entity, Input>(
  machine: Machine<State, Action, Actor, Entity, Input>,
  entity: Entity,
  action: Action,
  actor: Actor,
  input?: Input,
): Transition<State> {
  const spec = machine.actions[action];
  const state = machine.stateOf(entity);
  const refuse = (reason: Refusal): Transition<State> => ({
    ok: false,
    error: spec.refusal?.(reason, state, actor) ?? defaultRefusal(machine, spec, reason, state),
  });
  if (!spec.allowed(actor, entity)) return refuse('FORBIDDEN_ACTION');
  if (!spec.from.includes(state)) return refuse('ILLEGAL_TRANSITION');
  const blocked = spec.guard?.(entity, input);
  if (blocked) return { ok: false, error: blocked };
  return { ok: true, from: state, to: typeof spec.to === 'function' ? spec.to(entity) : spec.to };
}

function defaultRefusal<State extends string>(
  machine: Pick<MachineDefinition<State, string, never, never>, 'subject' | 'states' | 'field'>,
  action: { label: string; field?: string | null },
  reason: Refusal,
  state: State,
): UserError {
  const message =
    reason === 'FORBIDDEN_ACTION'
      ? `Đồng chí không có quyền ${action.label}.`
      : `Không thể ${action.label} khi ${machine.subject} ${machine.states[state]}.`;
  return { code: reason, field: action.field === undefined ? machine.field : action.field, message };
}
