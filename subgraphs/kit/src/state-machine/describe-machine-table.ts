import { describe, expect, it } from 'vitest';
import type { Machine } from './machine.ts';
import { expandMachineTable, type MachineTable } from './machine-table.ts';

/**
 * The table test of a machine, for vitest: one test that every state × action × actor has an expectation,
 * and one per action comparing every actor's outcome in every state with the table (the diff names the cell).
 */
export function describeMachineTable<State extends string, Action extends string, Actor, Entity, Input>(
  machine: Machine<State, Action, Actor, Entity, Input>,
  table: MachineTable<State, Action, Actor, Entity>,
): void {
  const { gaps, cases } = expandMachineTable(machine, table);
  describe(`${machine.subject}: every state × action × actor`, () => {
    it('has an expectation for every combination', () => expect(gaps).toEqual([]));
    for (const action of machine.actionNames) {
      const mine = cases.filter((c) => c.action === action);
      const cells = (pick: 'expected' | 'actual') => Object.fromEntries(mine.map((c) => [`${c.actor} × ${c.state}`, c[pick]]));
      it(`${action} as the table says`, () => expect(cells('actual')).toEqual(cells('expected')));
    }
  });
}
