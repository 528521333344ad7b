import { transition, type Machine } from './machine.ts';

/** A state's name: the action is allowed and leads there. Anything else: the error code of the refusal. */
export type Outcome = string;

/**
 * The expected outcomes of every state × action × actor, written compactly: per action, per actor (or several
 * actors sharing a row, named in one key separated by spaces), either one outcome for every state or one per state.
 */
export interface MachineTable<State extends string, Action extends string, Actor, Entity> {
  /** One entity in each state. */
  states: Partial<Record<State, Entity>>;
  /** The callers to try, by the names the expectations use. */
  actors: Record<string, Actor>;
  expected: Partial<Record<Action, Record<string, Outcome | Partial<Record<State, Outcome>>>>>;
}

export interface TableCase {
  action: string;
  actor: string;
  state: string;
  expected: Outcome;
  actual: Outcome;
}

export interface ExpandedTable {
  /** Combinations without an expectation, and expectations naming what does not exist. */
  gaps: string[];
  cases: TableCase[];
}

/**
 * Runs every state × action × actor through the machine and sets each outcome beside its expectation.
 * A combination the table leaves out is a gap, never a pass: a new action, state or actor fails the
 * table test until someone writes down what it should do. Actions are taken without input, so a guard that
 * needs input shows its refusal there; test guards with their inputs beside the table.
 */
export function expandMachineTable<State extends string, Action extends string, Actor, Entity, Input>(
  machine: Machine<State, Action, Actor, Entity, Input>,
  table: MachineTable<State, Action, Actor, Entity>,
): ExpandedTable {
  const gaps: string[] = [];
  const cases: TableCase[] = [];
  const actorNames = Object.keys(table.actors);
  for (const state of machine.stateNames) {
    const entity = table.states[state];
    if (entity === undefined) gaps.push(`${state}: no entity in this state`);
    else if (machine.stateOf(entity) !== state) gaps.push(`${state}: the entity given is in state ${machine.stateOf(entity)}`);
  }
  for (const action of Object.keys(table.expected)) {
    if (!machine.actionNames.includes(action as Action)) gaps.push(`${action}: not an action of the machine`);
  }
  for (const action of machine.actionNames) {
    const rows = rowsByActor(action, table.expected[action] ?? {}, actorNames, gaps);
    for (const actor of actorNames) {
      const row = rows.get(actor);
      if (row === undefined) {
        gaps.push(`${action} × ${actor}: no expectation`);
        continue;
      }
      if (typeof row !== 'string') {
        for (const state of Object.keys(row)) {
          if (!machine.stateNames.includes(state as State)) gaps.push(`${action} × ${actor} × ${state}: not a state of the machine`);
        }
      }
      for (const state of machine.stateNames) {
        const expected = typeof row === 'string' ? row : row[state];
        const entity = table.states[state];
        if (expected === undefined) gaps.push(`${action} × ${actor} × ${state}: no expectation`);
        if (expected === undefined || entity === undefined) continue;
        const result = transition(machine, entity, action, table.actors[actor]);
        cases.push({ action, actor, state, expected, actual: result.ok ? result.to : result.error.code });
      }
    }
  }
  return { gaps, cases };
}

function rowsByActor<State extends string>(
  action: string,
  rows: Record<string, Outcome | Partial<Record<State, Outcome>>>,
  actorNames: string[],
  gaps: string[],
) {
  const byActor = new Map<string, Outcome | Partial<Record<State, Outcome>>>();
  for (const [key, row] of Object.entries(rows)) {
    for (const actor of key.split(/\s+/).filter(Boolean)) {
      if (!actorNames.includes(actor)) gaps.push(`${action} × ${actor}: not one of the table's actors`);
      else if (byActor.has(actor)) gaps.push(`${action} × ${actor}: expected twice`);
      else byActor.set(actor, row);
    }
  }
  return byActor;
}
