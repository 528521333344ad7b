import { transition } from '@dangvu/subgraph-kit';
import { describeMachineTable } from '@dangvu/subgraph-kit/testing';
import { describe, expect, it } from 'vitest';
import { commentMachine, type CommentActor, type CommentEntity, type CommentState } from './residence-comment.machine.ts';

const actor = (overrides: Partial<CommentActor>): CommentActor => ({ workplace: false, commune: false, cell: false, subject: false, system: false, ...overrides });

const actors = {
  workplaceOfficer: actor({ workplace: true }),
  // A workplace secretary about whom their own cell asks.
  workplaceOfficerOnSelf: actor({ workplace: true, subject: true }),
  communeOfficer: actor({ commune: true }),
  cellOfficer: actor({ cell: true }),
  // The residence cell's secretary, asked about themself.
  cellOfficerOnSelf: actor({ cell: true, subject: true }),
  // An officer over both sides (the commune secretary when the workplace and the residence are in the commune).
  officerOverAll: actor({ workplace: true, commune: true, cell: true }),
  member: actor({ subject: true }),
  outsider: actor({}),
  system: actor({ system: true }),
};

const entity = (state: CommentState, overrides: Partial<CommentEntity> = {}): CommentEntity => ({ state, answeredOnPaper: false, residenceCellKnown: true, ...overrides });

const F = 'FORBIDDEN_ACTION';
const I = 'ILLEGAL_TRANSITION';
const OWN = 'OWN_COMMENT';
const REASON = 'REASON_REQUIRED';
const everyone = Object.keys(actors);
const others = (...names: string[]) => everyone.filter((name) => !names.includes(name)).join(' ');

describeMachineTable(commentMachine, {
  states: {
    AWAITING_ROUTING: entity('AWAITING_ROUTING'),
    AT_COMMUNE: entity('AT_COMMUNE'),
    AT_CELL: entity('AT_CELL'),
    ON_PAPER: entity('ON_PAPER'),
    ANSWERED: entity('ANSWERED'),
    CANCELLED: entity('CANCELLED'),
  },
  actors,
  expected: {
    ROUTE_TO_COMMUNE: {
      'workplaceOfficer officerOverAll': { AWAITING_ROUTING: 'AT_COMMUNE', AT_COMMUNE: 'AT_COMMUNE', AT_CELL: I, ON_PAPER: 'AT_COMMUNE', ANSWERED: I, CANCELLED: I },
      'workplaceOfficerOnSelf cellOfficerOnSelf member': OWN,
      [others('workplaceOfficer', 'officerOverAll', 'workplaceOfficerOnSelf', 'cellOfficerOnSelf', 'member')]: F,
    },
    SEND_ON_PAPER: {
      'workplaceOfficer officerOverAll': { AWAITING_ROUTING: 'ON_PAPER', AT_COMMUNE: 'ON_PAPER', AT_CELL: I, ON_PAPER: I, ANSWERED: I, CANCELLED: I },
      'workplaceOfficerOnSelf cellOfficerOnSelf member': OWN,
      [others('workplaceOfficer', 'officerOverAll', 'workplaceOfficerOnSelf', 'cellOfficerOnSelf', 'member')]: F,
    },
    ASSIGN_CELL: {
      'communeOfficer officerOverAll': { AWAITING_ROUTING: I, AT_COMMUNE: 'AT_CELL', AT_CELL: I, ON_PAPER: I, ANSWERED: I, CANCELLED: I },
      'workplaceOfficerOnSelf cellOfficerOnSelf member': OWN,
      [others('communeOfficer', 'officerOverAll', 'workplaceOfficerOnSelf', 'cellOfficerOnSelf', 'member')]: F,
    },
    ANSWER: {
      'cellOfficer officerOverAll': { AWAITING_ROUTING: I, AT_COMMUNE: I, AT_CELL: 'ANSWERED', ON_PAPER: I, ANSWERED: I, CANCELLED: I },
      'workplaceOfficerOnSelf cellOfficerOnSelf member': OWN,
      [others('cellOfficer', 'officerOverAll', 'workplaceOfficerOnSelf', 'cellOfficerOnSelf', 'member')]: F,
    },
    RECORD_PAPER_ANSWER: {
      'workplaceOfficer officerOverAll': { AWAITING_ROUTING: I, AT_COMMUNE: I, AT_CELL: I, ON_PAPER: 'ANSWERED', ANSWERED: I, CANCELLED: I },
      'workplaceOfficerOnSelf cellOfficerOnSelf member': OWN,
      [others('workplaceOfficer', 'officerOverAll', 'workplaceOfficerOnSelf', 'cellOfficerOnSelf', 'member')]: F,
    },
    // Taken without input: the reason's guard answers for those who may.
    SUPERSEDE: {
      'cellOfficer officerOverAll': { AWAITING_ROUTING: I, AT_COMMUNE: I, AT_CELL: I, ON_PAPER: I, ANSWERED: REASON, CANCELLED: I },
      'workplaceOfficerOnSelf cellOfficerOnSelf member': OWN,
      [others('cellOfficer', 'officerOverAll', 'workplaceOfficerOnSelf', 'cellOfficerOnSelf', 'member')]: F,
    },
    CANCEL: {
      'workplaceOfficer officerOverAll': { AWAITING_ROUTING: REASON, AT_COMMUNE: REASON, AT_CELL: REASON, ON_PAPER: REASON, ANSWERED: I, CANCELLED: I },
      'workplaceOfficerOnSelf cellOfficerOnSelf member': OWN,
      [others('workplaceOfficer', 'officerOverAll', 'workplaceOfficerOnSelf', 'cellOfficerOnSelf', 'member')]: F,
    },
    REROUTE: {
      system: { AWAITING_ROUTING: 'AT_CELL', AT_COMMUNE: 'AT_CELL', AT_CELL: 'AT_CELL', ON_PAPER: 'AT_CELL', ANSWERED: I, CANCELLED: I },
      [others('system')]: F,
    },
  },
});

describe('the comment machine with its inputs', () => {
  it('lets a paper comment be replaced by the workplace that recorded it, not by the cell, and only with a reason', () => {
    const paper = entity('ANSWERED', { answeredOnPaper: true });
    expect(transition(commentMachine, paper, 'SUPERSEDE', actors.workplaceOfficer, { reason: 'Bản quét sai người' })).toEqual({ ok: true, from: 'ANSWERED', to: 'ANSWERED' });
    expect(transition(commentMachine, paper, 'SUPERSEDE', actors.cellOfficer, { reason: 'x' })).toMatchObject({ ok: false, error: { code: F } });
    expect(transition(commentMachine, paper, 'SUPERSEDE', actors.workplaceOfficer, { reason: '   ' })).toMatchObject({ ok: false, error: { code: REASON } });
  });

  it('re-routes to the commune’s queue when the new residence has no confirmed cell', () => {
    const moved = entity('AT_CELL', { residenceCellKnown: false });
    expect(transition(commentMachine, moved, 'REROUTE', actors.system)).toEqual({ ok: true, from: 'AT_CELL', to: 'AWAITING_ROUTING' });
  });

  it('cancels with a reason, and says in Vietnamese why an answered request cannot be', () => {
    expect(transition(commentMachine, entity('AT_CELL'), 'CANCEL', actors.workplaceOfficer, { reason: 'Đảng viên chuyển công tác' })).toMatchObject({ ok: true, to: 'CANCELLED' });
    expect(transition(commentMachine, entity('ANSWERED'), 'CANCEL', actors.workplaceOfficer, { reason: 'x' })).toEqual({
      ok: false,
      error: { code: I, field: 'requestId', message: 'Không thể hủy đề nghị khi đề nghị nhận xét đã có nhận xét.' },
    });
  });
});
