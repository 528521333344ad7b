import { describeMachineTable } from '@dangvu/subgraph-kit/testing';
import { remittanceMachine } from './remittance.machine.ts';

const none = { ownRoles: [], superiorRoles: [], inside: false, submitter: false };

describeMachineTable(remittanceMachine, {
  states: { NONE: { state: 'NONE' }, SUBMITTED: { state: 'SUBMITTED' }, CONFIRMED: { state: 'CONFIRMED' }, REJECTED: { state: 'REJECTED' } },
  actors: {
    cellFinance: { ...none, ownRoles: ['FINANCE_MEMBER'], inside: true },
    cellDeputy: { ...none, ownRoles: ['DEPUTY_SECRETARY'], inside: true },
    cellAdmin: { ...none, ownRoles: ['ADMIN'], inside: true },
    wardFinance: { ...none, superiorRoles: ['FINANCE_MEMBER'] },
    wardDeputy: { ...none, superiorRoles: ['DEPUTY_SECRETARY'] },
    // A ward deputy who is also the cell's finance member: their own organization's money.
    wardDeputyInCell: { ...none, ownRoles: ['FINANCE_MEMBER'], superiorRoles: ['DEPUTY_SECRETARY'], inside: true },
    // A ward deputy who submitted it (as a role they held then): not the one to confirm.
    wardSubmitter: { ...none, superiorRoles: ['DEPUTY_SECRETARY'], submitter: true },
    member: none,
  },
  expected: {
    SUBMIT: {
      'cellFinance cellDeputy wardDeputyInCell': { NONE: 'SUBMITTED', SUBMITTED: 'ALREADY_SUBMITTED', CONFIRMED: 'ALREADY_CONFIRMED', REJECTED: 'SUBMITTED' },
      'cellAdmin wardFinance wardDeputy wardSubmitter member': 'FORBIDDEN_ACTION',
    },
    CONFIRM: {
      'wardFinance wardDeputy': { NONE: 'ILLEGAL_TRANSITION', SUBMITTED: 'CONFIRMED', CONFIRMED: 'ALREADY_CONFIRMED', REJECTED: 'ALREADY_REJECTED' },
      'cellFinance cellDeputy cellAdmin wardDeputyInCell wardSubmitter member': 'FORBIDDEN_ACTION',
    },
    REJECT: {
      'wardFinance wardDeputy': { NONE: 'ILLEGAL_TRANSITION', SUBMITTED: 'REJECTED', CONFIRMED: 'ALREADY_CONFIRMED', REJECTED: 'ALREADY_REJECTED' },
      'cellFinance cellDeputy cellAdmin wardDeputyInCell wardSubmitter member': 'FORBIDDEN_ACTION',
    },
  },
});
