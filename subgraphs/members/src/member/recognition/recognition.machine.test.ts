import type { Role } from '@dangvu/subgraph-kit';
import { describeMachineTable } from '@dangvu/subgraph-kit/testing';
import { recognitionMachine, type RecognitionActor, type RecognitionState } from './recognition.machine.ts';

const ALL: readonly Role[] = ['SECRETARY', 'DEPUTY_SECRETARY', 'FINANCE_MEMBER', 'ADMIN', 'ANALYST'];
const actor = (overrides: Partial<RecognitionActor>): RecognitionActor => ({ self: false, rolesOver: [], keeperRoles: [], coveringRoles: ALL, proposer: false, ...overrides });

const actors = {
  member: actor({ self: true }),
  cellSecretary: actor({ rolesOver: ['SECRETARY'] }),
  cellDeputy: actor({ rolesOver: ['DEPUTY_SECRETARY'] }),
  cellFinance: actor({ rolesOver: ['FINANCE_MEMBER'] }),
  cellAdmin: actor({ rolesOver: ['ADMIN'] }),
  committeeSecretary: actor({ rolesOver: ['SECRETARY'], keeperRoles: ['SECRETARY'] }),
  committeeDeputy: actor({ rolesOver: ['DEPUTY_SECRETARY'], keeperRoles: ['DEPUTY_SECRETARY'] }),
  // The committee's officer who entered the resolution: another officer decides.
  proposer: actor({ rolesOver: ['SECRETARY'], keeperRoles: ['SECRETARY'], proposer: true }),
  committeeSelf: actor({ self: true, rolesOver: ['SECRETARY'], keeperRoles: ['SECRETARY'] }),
  deputyOnOwnSecretary: actor({ rolesOver: ['DEPUTY_SECRETARY'], keeperRoles: ['DEPUTY_SECRETARY'], coveringRoles: [] }),
  outsider: actor({ coveringRoles: [] }),
};

const F = 'FORBIDDEN_ACTION';
const I = 'ILLEGAL_TRANSITION';
const only = (state: RecognitionState, to: RecognitionState) => Object.fromEntries((['NONE', 'PROPOSED', 'APPROVED', 'REJECTED'] as const).map((s) => [s, s === state ? to : I]));

describeMachineTable(recognitionMachine, {
  states: { NONE: { state: 'NONE' }, PROPOSED: { state: 'PROPOSED' }, APPROVED: { state: 'APPROVED' }, REJECTED: { state: 'REJECTED' } },
  actors,
  expected: {
    PROPOSE: {
      'cellSecretary cellDeputy committeeSecretary committeeDeputy proposer deputyOnOwnSecretary': only('NONE', 'PROPOSED'),
      'member cellFinance cellAdmin committeeSelf outsider': F,
    },
    APPROVE: {
      'committeeSecretary committeeDeputy': only('PROPOSED', 'APPROVED'),
      'member cellSecretary cellDeputy cellFinance cellAdmin proposer committeeSelf deputyOnOwnSecretary outsider': F,
    },
    REJECT: {
      'committeeSecretary committeeDeputy': only('PROPOSED', 'REJECTED'),
      'member cellSecretary cellDeputy cellFinance cellAdmin proposer committeeSelf deputyOnOwnSecretary outsider': F,
    },
  },
});
