import { describeMachineTable } from '@dangvu/subgraph-kit/testing';
import { voluntaryMachine } from './voluntary-amount.machine.ts';

const none = { cellRoles: [], superiorRoles: [], inside: false, self: false, proposer: false };

describeMachineTable(voluntaryMachine, {
  states: { NONE: { state: 'NONE' }, PROPOSED: { state: 'PROPOSED' }, APPROVED: { state: 'APPROVED' }, REJECTED: { state: 'REJECTED' } },
  actors: {
    cellSecretary: { ...none, cellRoles: ['SECRETARY'], inside: true },
    cellSecretaryOnSelf: { ...none, cellRoles: ['SECRETARY'], inside: true, self: true },
    // The ward's deputy reaches the cell too; proposing from above is allowed, and then they do not decide.
    wardDeputy: { ...none, cellRoles: ['DEPUTY_SECRETARY'], superiorRoles: ['DEPUTY_SECRETARY'] },
    wardProposer: { ...none, cellRoles: ['DEPUTY_SECRETARY'], superiorRoles: ['DEPUTY_SECRETARY'], proposer: true },
    wardDeputyOnSelf: { ...none, cellRoles: ['DEPUTY_SECRETARY'], superiorRoles: ['DEPUTY_SECRETARY'], self: true },
    wardDeputyInCell: { ...none, cellRoles: ['SECRETARY', 'DEPUTY_SECRETARY'], superiorRoles: ['DEPUTY_SECRETARY'], inside: true },
    member: { ...none, self: true },
  },
  expected: {
    PROPOSE: {
      'cellSecretary wardDeputy wardProposer wardDeputyInCell': { NONE: 'PROPOSED', PROPOSED: 'ILLEGAL_TRANSITION', APPROVED: 'ILLEGAL_TRANSITION', REJECTED: 'ILLEGAL_TRANSITION' },
      'cellSecretaryOnSelf wardDeputyOnSelf member': 'FORBIDDEN_ACTION',
    },
    APPROVE: {
      wardDeputy: { NONE: 'ILLEGAL_TRANSITION', PROPOSED: 'APPROVED', APPROVED: 'ALREADY_DECIDED', REJECTED: 'ALREADY_DECIDED' },
      'cellSecretary cellSecretaryOnSelf wardProposer wardDeputyOnSelf wardDeputyInCell member': 'FORBIDDEN_ACTION',
    },
    REJECT: {
      wardDeputy: { NONE: 'ILLEGAL_TRANSITION', PROPOSED: 'REJECTED', APPROVED: 'ALREADY_DECIDED', REJECTED: 'ALREADY_DECIDED' },
      'cellSecretary cellSecretaryOnSelf wardProposer wardDeputyOnSelf wardDeputyInCell member': 'FORBIDDEN_ACTION',
    },
  },
});
