import type { Role } from '@dangvu/subgraph-kit';
import { describeMachineTable } from '@dangvu/subgraph-kit/testing';
import { identityEditMachine, type IdentityEditActor, type IdentityEditState } from './identity-edit.machine.ts';

const ALL: readonly Role[] = ['SECRETARY', 'DEPUTY_SECRETARY', 'FINANCE_MEMBER', 'ADMIN', 'ANALYST'];
const actor = (overrides: Partial<IdentityEditActor>): IdentityEditActor => ({ self: false, rolesOver: [], keeperRoles: [], coveringRoles: ALL, proposer: false, ...overrides });

const actors = {
  member: actor({ self: true }),
  cellSecretary: actor({ rolesOver: ['SECRETARY'] }),
  // The cell's secretary who proposed it: another officer of the committee decides.
  proposer: actor({ rolesOver: ['SECRETARY'], keeperRoles: ['SECRETARY'], proposer: true }),
  cellAdmin: actor({ rolesOver: ['ADMIN'], keeperRoles: ['ADMIN'] }),
  committeeSecretary: actor({ rolesOver: ['SECRETARY'], keeperRoles: ['SECRETARY'] }),
  committeeDeputy: actor({ rolesOver: ['DEPUTY_SECRETARY'], keeperRoles: ['DEPUTY_SECRETARY'] }),
  // The committee's secretary on their own record, and their deputy on it (equal power is not covered).
  committeeSelf: actor({ self: true, rolesOver: ['SECRETARY'], keeperRoles: ['SECRETARY'] }),
  deputyOnOwnSecretary: actor({ rolesOver: ['DEPUTY_SECRETARY'], keeperRoles: ['DEPUTY_SECRETARY'], coveringRoles: [] }),
  financeOver: actor({ rolesOver: ['FINANCE_MEMBER'], keeperRoles: ['FINANCE_MEMBER'] }),
  outsider: actor({ coveringRoles: [] }),
};

const F = 'FORBIDDEN_ACTION';
const I = 'ILLEGAL_TRANSITION';
const only = (state: IdentityEditState, to: IdentityEditState) =>
  Object.fromEntries((['NONE', 'PROPOSED', 'APPROVED', 'REJECTED', 'WITHDRAWN'] as const).map((s) => [s, s === state ? to : I]));

describeMachineTable(identityEditMachine, {
  states: {
    NONE: { state: 'NONE' },
    PROPOSED: { state: 'PROPOSED' },
    APPROVED: { state: 'APPROVED' },
    REJECTED: { state: 'REJECTED' },
    WITHDRAWN: { state: 'WITHDRAWN' },
  },
  actors,
  expected: {
    PROPOSE: {
      'cellSecretary proposer cellAdmin committeeSecretary committeeDeputy committeeSelf deputyOnOwnSecretary': only('NONE', 'PROPOSED'),
      'member financeOver outsider': F,
    },
    APPROVE: {
      'committeeSecretary committeeDeputy': only('PROPOSED', 'APPROVED'),
      'member cellSecretary proposer cellAdmin committeeSelf deputyOnOwnSecretary financeOver outsider': F,
    },
    REJECT: {
      'committeeSecretary committeeDeputy': only('PROPOSED', 'REJECTED'),
      'member cellSecretary proposer cellAdmin committeeSelf deputyOnOwnSecretary financeOver outsider': F,
    },
    WITHDRAW: {
      proposer: only('PROPOSED', 'WITHDRAWN'),
      'member cellSecretary cellAdmin committeeSecretary committeeDeputy committeeSelf deputyOnOwnSecretary financeOver outsider': F,
    },
  },
});
