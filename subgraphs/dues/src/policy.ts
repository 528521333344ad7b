import { definePolicy } from '@dangvu/subgraph-kit';

/** A member as other subgraphs send one: the id and, through @requires, the organization's path. */
export interface MemberReference {
  id: string;
  orgPath?: string;
}

/** An organization as other subgraphs send one. */
export interface OrganizationReference {
  id: string;
  path?: string;
}

/** Each ability of the dues subgraph, named once (docs/rules/dues-standing.md). */
export const policy = definePolicy({
  /** What a member owes: the member, and the officers over the member's organization who collect or oversee it. */
  SEE_DUES_STANDING: {
    roles: ['SECRETARY', 'DEPUTY_SECRETARY', 'FINANCE_MEMBER', 'ADMIN'],
    over: (member: MemberReference) => member.orgPath,
    self: (member: MemberReference) => member.id,
    // A partner system with the scope reads standings, e.g. a payment service showing what is owed (docs/rules/partners.md).
    partnerScope: 'dues:read',
  },
  /**
   * Taking a member's dues in cash (docs/rules/dues-payments.md#who-records): the cell's finance member, secretary
   * or deputy, or one of a committee above; never an officer for their own dues, which another officer takes, so
   * that no one receipts money they handed over themself.
   */
  RECORD_CASH_PAYMENT: {
    roles: ['FINANCE_MEMBER', 'SECRETARY', 'DEPUTY_SECRETARY'],
    over: (member: MemberReference) => member.orgPath,
    when: (identity, member: MemberReference) => member.id !== identity.personId,
  },
  /** The collection sheet of an organization: the officers who collect there or above (docs/rules/dues-payments.md). */
  SEE_DUES_COLLECTION: {
    roles: ['FINANCE_MEMBER', 'SECRETARY', 'DEPUTY_SECRETARY'],
    over: (organization: OrganizationReference) => organization.path,
  },
  /** A month's report figures for a subtree: counts and sums naming no one (docs/rules/reports.md#who-reads-figures). */
  SEE_REPORT_FIGURES: { roles: ['ANALYST', 'ADMIN', 'SECRETARY', 'DEPUTY_SECRETARY', 'FINANCE_MEMBER'], over: (organization: OrganizationReference) => organization.path },
  /** The calculator: it reads nobody's data, so a partner with the dues scope may use it beside signed-in people. */
  QUOTE_DUES: {
    partnerScope: 'dues:read',
  },
});
