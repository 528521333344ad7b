import { describe, expect, it } from 'vitest';
import { dossierMachine, type Dossier } from './dossier-machine.fixture.ts';
import { availableActions, defineMachine, transition } from './machine.ts';
import type { Relation } from './relation.ts';

const member: Relation = { self: true, rolesOver: [] };
const secretary: Relation = { self: false, rolesOver: ['SECRETARY'] };
const analyst: Relation = { self: false, rolesOver: ['ANALYST'] };
const dossier = (state: Dossier['state'], deadline: string | null = '2026-12-31'): Dossier => ({ state, deadline });

describe('transition', () => {
  it('leads to the action’s state when the actor may take it from here', () => {
    expect(transition(dossierMachine, dossier('DRAFT'), 'SUBMIT', member)).toEqual({ ok: true, from: 'DRAFT', to: 'SUBMITTED' });
  });

  it('lets the entity’s data choose where an action leads', () => {
    expect(transition(dossierMachine, dossier('APPROVED'), 'SEND_BACK', secretary)).toMatchObject({ ok: true, to: 'SUBMITTED' });
    expect(transition(dossierMachine, dossier('SUBMITTED', null), 'SEND_BACK', secretary)).toMatchObject({ ok: true, to: 'DRAFT' });
  });

  it('refuses an action from a state it does not start from, in Vietnamese, naming the machine’s field', () => {
    expect(transition(dossierMachine, dossier('APPROVED'), 'APPROVE', secretary)).toEqual({
      ok: false,
      error: { code: 'ILLEGAL_TRANSITION', field: 'dossierId', message: 'Không thể duyệt hồ sơ khi hồ sơ đã duyệt.' },
    });
  });

  it('refuses an actor who may not take the action, addressing them, with the action’s own field', () => {
    expect(transition(dossierMachine, dossier('DRAFT'), 'SUBMIT', secretary)).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN_ACTION', field: null, message: 'Đồng chí không có quyền nộp hồ sơ.' },
    });
  });

  it('tells a caller who may not act nothing about the state: the actor is checked first', () => {
    for (const state of dossierMachine.stateNames) {
      expect(transition(dossierMachine, dossier(state), 'APPROVE', analyst)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_ACTION' } });
    }
  });

  it('applies the guard, by data and by input, only once the actor and state allow the action', () => {
    expect(transition(dossierMachine, dossier('SUBMITTED', null), 'APPROVE', secretary, { note: 'Đủ' })).toMatchObject({
      ok: false,
      error: { code: 'NO_DEADLINE', field: 'deadline' },
    });
    expect(transition(dossierMachine, dossier('SUBMITTED'), 'APPROVE', secretary)).toMatchObject({ ok: false, error: { code: 'NOTE_REQUIRED' } });
    expect(transition(dossierMachine, dossier('SUBMITTED'), 'APPROVE', secretary, { note: 'Đủ' })).toMatchObject({ ok: true, to: 'APPROVED' });
    expect(transition(dossierMachine, dossier('DRAFT', null), 'APPROVE', secretary)).toMatchObject({ error: { code: 'ILLEGAL_TRANSITION' } });
  });

  it('uses the action’s own wording of a refusal where it gives one, and the default elsewhere', () => {
    expect(transition(dossierMachine, dossier('DRAFT'), 'SEND_BACK', secretary)).toMatchObject({ error: { code: 'NOT_SUBMITTED' } });
    expect(transition(dossierMachine, dossier('SUBMITTED'), 'SEND_BACK', member)).toMatchObject({ error: { code: 'OWN_DOSSIER' } });
    expect(transition(dossierMachine, dossier('SUBMITTED'), 'SEND_BACK', analyst)).toMatchObject({ error: { code: 'FORBIDDEN_ACTION' } });
  });
});

describe('availableActions', () => {
  it('lists what the actor may do from the state, in the machine’s order, without asking for input', () => {
    expect(availableActions(dossierMachine, dossier('SUBMITTED'), secretary)).toEqual(['APPROVE', 'SEND_BACK']);
    expect(availableActions(dossierMachine, dossier('DRAFT'), member)).toEqual(['SUBMIT']);
    expect(availableActions(dossierMachine, dossier('SUBMITTED'), member)).toEqual([]);
    expect(availableActions(dossierMachine, dossier('APPROVED'), analyst)).toEqual([]);
  });
});

describe('defineMachine', () => {
  it('refuses a definition whose action names a state it does not declare', () => {
    expect(() =>
      defineMachine<'OPEN', 'CLOSE', null, null>({
        subject: 'cửa',
        states: { OPEN: 'đang mở' },
        stateOf: () => 'OPEN',
        field: null,
        actions: { CLOSE: { label: 'đóng cửa', from: ['OPEN'], to: 'SHUT' as 'OPEN', allowed: () => true } },
      }),
    ).toThrow('CLOSE names undeclared states SHUT');
  });
});
