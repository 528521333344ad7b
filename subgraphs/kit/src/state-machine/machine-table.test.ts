import { describe, expect, it } from 'vitest';
import { describeMachineTable } from './describe-machine-table.ts';
import { dossierMachine, type Dossier, type DossierState } from './dossier-machine.fixture.ts';
import { expandMachineTable, type MachineTable } from './machine-table.ts';
import type { Relation } from './relation.ts';

type DossierTable = MachineTable<DossierState, 'SUBMIT' | 'APPROVE' | 'SEND_BACK', Relation, Dossier>;

const complete: DossierTable = {
  states: {
    DRAFT: { state: 'DRAFT', deadline: null },
    SUBMITTED: { state: 'SUBMITTED', deadline: null },
    APPROVED: { state: 'APPROVED', deadline: '2026-12-31' },
  },
  actors: {
    member: { self: true, rolesOver: [] },
    secretary: { self: false, rolesOver: ['SECRETARY'] },
    analyst: { self: false, rolesOver: ['ANALYST'] },
  },
  expected: {
    SUBMIT: {
      member: { DRAFT: 'SUBMITTED', SUBMITTED: 'ILLEGAL_TRANSITION', APPROVED: 'ILLEGAL_TRANSITION' },
      'secretary analyst': 'FORBIDDEN_ACTION',
    },
    APPROVE: {
      secretary: { DRAFT: 'ILLEGAL_TRANSITION', SUBMITTED: 'NO_DEADLINE', APPROVED: 'ILLEGAL_TRANSITION' },
      'member analyst': 'FORBIDDEN_ACTION',
    },
    SEND_BACK: {
      secretary: { DRAFT: 'NOT_SUBMITTED', SUBMITTED: 'DRAFT', APPROVED: 'SUBMITTED' },
      member: 'OWN_DOSSIER',
      analyst: 'FORBIDDEN_ACTION',
    },
  },
};

describeMachineTable(dossierMachine, complete);

describe('expandMachineTable', () => {
  it('finds neither gaps nor differences in a complete, correct table', () => {
    const { gaps, cases } = expandMachineTable(dossierMachine, complete);
    expect(gaps).toEqual([]);
    expect(cases).toHaveLength(3 * 3 * 3);
    expect(cases.filter((c) => c.actual !== c.expected)).toEqual([]);
  });

  it('reports an action without a row: a new action cannot go untested', () => {
    const { SEND_BACK: _left, ...rest } = complete.expected;
    expect(expandMachineTable(dossierMachine, { ...complete, expected: rest }).gaps).toEqual([
      'SEND_BACK × member: no expectation',
      'SEND_BACK × secretary: no expectation',
      'SEND_BACK × analyst: no expectation',
    ]);
  });

  it('reports an actor left out of an action’s rows', () => {
    const expected = { ...complete.expected, SUBMIT: { member: complete.expected.SUBMIT!.member!, secretary: 'FORBIDDEN_ACTION' } };
    expect(expandMachineTable(dossierMachine, { ...complete, expected }).gaps).toEqual(['SUBMIT × analyst: no expectation']);
  });

  it('reports a state missing from a row and a state without an entity: a new state cannot go untested', () => {
    const expected = {
      ...complete.expected,
      SEND_BACK: { secretary: { DRAFT: 'NOT_SUBMITTED', SUBMITTED: 'DRAFT' }, member: 'OWN_DOSSIER', analyst: 'FORBIDDEN_ACTION' },
    };
    const { APPROVED: _approved, ...states } = complete.states;
    expect(expandMachineTable(dossierMachine, { ...complete, expected }).gaps).toEqual(['SEND_BACK × secretary × APPROVED: no expectation']);
    expect(expandMachineTable(dossierMachine, { ...complete, states }).gaps).toEqual(['APPROVED: no entity in this state']);
  });

  it('reports expectations that name what does not exist, or name an actor twice', () => {
    const expected = {
      ...complete.expected,
      SUBMIT: { member: { DRAFT: 'SUBMITTED', SUBMITTED: 'ILLEGAL_TRANSITION', APPROVED: 'ILLEGAL_TRANSITION', ARCHIVED: 'X' }, 'secretary analyst officer': 'FORBIDDEN_ACTION', analyst: 'FORBIDDEN_ACTION' },
      PUBLISH: { member: 'FORBIDDEN_ACTION' },
    };
    expect(expandMachineTable(dossierMachine, { ...complete, expected }).gaps).toEqual([
      'PUBLISH: not an action of the machine',
      "SUBMIT × officer: not one of the table's actors",
      'SUBMIT × analyst: expected twice',
      'SUBMIT × member × ARCHIVED: not a state of the machine',
    ]);
  });

  it('reports an entity given for a state it is not in', () => {
    const states = { ...complete.states, APPROVED: { state: 'DRAFT', deadline: null } satisfies Dossier };
    expect(expandMachineTable(dossierMachine, { ...complete, states }).gaps).toEqual(['APPROVED: the entity given is in state DRAFT']);
  });

  it('sets a wrong expectation beside what the machine does', () => {
    const expected = { ...complete.expected, SUBMIT: { ...complete.expected.SUBMIT!, member: 'SUBMITTED' } };
    const { cases } = expandMachineTable(dossierMachine, { ...complete, expected });
    expect(cases.filter((c) => c.actual !== c.expected)).toEqual([
      { action: 'SUBMIT', actor: 'member', state: 'SUBMITTED', expected: 'SUBMITTED', actual: 'ILLEGAL_TRANSITION' },
      { action: 'SUBMIT', actor: 'member', state: 'APPROVED', expected: 'SUBMITTED', actual: 'ILLEGAL_TRANSITION' },
    ]);
  });
});
