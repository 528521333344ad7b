import { describeMachineTable } from '@dangvu/subgraph-kit/testing';
import { residenceDeclarationMachine, type ResidenceActor, type ResidenceDeclarationState } from './residence-declaration.machine.ts';

const actor = (overrides: Partial<ResidenceActor>): ResidenceActor => ({ self: false, memberOfficer: false, commune: false, declarer: false, ...overrides });
const F = 'FORBIDDEN_ACTION';
const I = 'ILLEGAL_TRANSITION';
const only = (state: ResidenceDeclarationState, to: ResidenceDeclarationState) =>
  Object.fromEntries((['NONE', 'DECLARED', 'CONFIRMED', 'REJECTED', 'WITHDRAWN'] as const).map((s) => [s, s === state ? to : I]));

describeMachineTable(residenceDeclarationMachine, {
  states: { NONE: { state: 'NONE' }, DECLARED: { state: 'DECLARED' }, CONFIRMED: { state: 'CONFIRMED' }, REJECTED: { state: 'REJECTED' }, WITHDRAWN: { state: 'WITHDRAWN' } },
  actors: {
    member: actor({ self: true, declarer: true }),
    // A commune officer who lives in their own commune: nobody confirms their own residence.
    communeSelf: actor({ self: true, commune: true }),
    cellOfficer: actor({ memberOfficer: true, declarer: true }),
    otherOfficer: actor({ memberOfficer: true }),
    communeOfficer: actor({ commune: true }),
    outsider: actor({}),
  },
  expected: {
    DECLARE: { 'member communeSelf cellOfficer otherOfficer': only('NONE', 'DECLARED'), 'communeOfficer outsider': F },
    CONFIRM: { communeOfficer: only('DECLARED', 'CONFIRMED'), 'member communeSelf cellOfficer otherOfficer outsider': F },
    REJECT: { communeOfficer: only('DECLARED', 'REJECTED'), 'member communeSelf cellOfficer otherOfficer outsider': F },
    WITHDRAW: { 'member communeSelf cellOfficer': only('DECLARED', 'WITHDRAWN'), 'otherOfficer communeOfficer outsider': F },
  },
});
