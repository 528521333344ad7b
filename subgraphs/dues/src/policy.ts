import { definePolicy } from '@dangvu/subgraph-kit';

/** A member as other subgraphs send one: the id and, through @requires, the organization's path. */
export interface MemberReference {
  id: string;
  orgPath?: string;
}

/** A relief decision for a member, decided by the body at `deciderPath`. */
export interface ReliefSubject {
  memberId: string;
  deciderId: string;
  deciderPath: string;
}

/** An organization as other subgraphs send one. */
export interface OrganizationReference {
  id: string;
  path?: string;
}

const idsOf = (path: string) => path.split('/').filter(Boolean);

/** The committee above an organization, where decisions about it are taken; a root, having none, on itself. */
export function superiorPath(path: string): string {
  const ids = idsOf(path);
  return ids.length > 1 ? `/${ids.slice(0, -1).join('/')}/` : path;
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
  /**
   * Preparing a QR payment of a member's open months (docs/rules/dues-payments.md#who-prepares): the member, and the
   * officers over the member's organization who collect there; it tells the amount, which a salary stands behind.
   * Anyone else pays from what they prepared and share (the QR, the payload, the code).
   */
  PREPARE_DUES_PAYMENT: {
    roles: ['FINANCE_MEMBER', 'SECRETARY', 'DEPUTY_SECRETARY'],
    over: (member: MemberReference) => member.orgPath,
    self: (member: MemberReference) => member.id,
  },
  /**
   * An organization's minimum-wage region (docs/rules/dues-obligations.md#wage-region): decided from above, by an
   * administrator or an officer of a committee over it, as the organization's place in the tree is.
   */
  SET_WAGE_REGION: {
    roles: ['ADMIN', 'SECRETARY', 'DEPUTY_SECRETARY', 'FINANCE_MEMBER'],
    over: (organization: OrganizationReference) => (organization.path ? superiorPath(organization.path) : null),
  },
  /**
   * Recording a waiver or reduction (docs/rules/dues-obligations.md#who-decides): the secretary or deputy
   * secretary of the body that decides, on behalf of its committee; none of them on their own dues.
   */
  DECIDE_RELIEF: {
    roles: ['SECRETARY', 'DEPUTY_SECRETARY'],
    over: (subject: ReliefSubject) => subject.deciderPath,
    when: (identity, subject: ReliefSubject) =>
      subject.memberId !== identity.personId && identity.grants.some((grant) => grant.orgId === subject.deciderId && (grant.role === 'SECRETARY' || grant.role === 'DEPUTY_SECRETARY')),
  },
  /**
   * Closing an organization's dues month (docs/rules/dues-remittance.md#closing-a-month): its finance member,
   * secretary or deputy, or those of a committee above; and reading the closes of its subtree, the superior's view.
   */
  CLOSE_DUES_MONTH: {
    roles: ['FINANCE_MEMBER', 'SECRETARY', 'DEPUTY_SECRETARY'],
    over: (organization: OrganizationReference) => organization.path,
  },
  // Remittance and decisions after a close (docs/rules/dues-remittance.md, docs/rules/dues-obligations.md#voluntary-higher-amounts):
  // the gate and the service's first check; each machine then tells who among these may take which step.
  /** Submitting a closed month's remittance: the money officers reaching the organization; the machine keeps it to its own. */
  SUBMIT_DUES_REMITTANCE: { roles: ['FINANCE_MEMBER', 'SECRETARY', 'DEPUTY_SECRETARY'], over: (organization: OrganizationReference) => organization.path },
  /** Confirming or rejecting a remittance, and reading what was received: the money officers reaching the superior. */
  DECIDE_DUES_REMITTANCE: { roles: ['FINANCE_MEMBER', 'SECRETARY', 'DEPUTY_SECRETARY'], over: (organization: OrganizationReference) => organization.path },
  /** An adjustment entry of a closed month: the officers who may close it. */
  RECORD_DUES_ADJUSTMENT: { roles: ['FINANCE_MEMBER', 'SECRETARY', 'DEPUTY_SECRETARY'], over: (organization: OrganizationReference) => organization.path },
  /** Proposing a member's voluntary higher amount: the cell's secretary or deputy (or one above); never on their own. */
  PROPOSE_VOLUNTARY_DUES: {
    roles: ['SECRETARY', 'DEPUTY_SECRETARY'],
    over: (member: MemberReference) => member.orgPath,
    when: (identity, member: MemberReference) => member.id !== identity.personId,
  },
  /** Deciding it: the secretary or deputy of the cell's immediate superior (or one above); the machine refines. */
  DECIDE_VOLUNTARY_DUES: { roles: ['SECRETARY', 'DEPUTY_SECRETARY'], over: (organization: OrganizationReference) => organization.path },
  /** Reading a subtree's voluntary proposals: its secretary, deputy or finance member, or one above. */
  SEE_VOLUNTARY_DUES: { roles: ['SECRETARY', 'DEPUTY_SECRETARY', 'FINANCE_MEMBER'], over: (organization: OrganizationReference) => organization.path },
  /** The collection sheet of an organization: the officers who collect there or above (docs/rules/dues-payments.md). */
  SEE_DUES_COLLECTION: {
    roles: ['FINANCE_MEMBER', 'SECRETARY', 'DEPUTY_SECRETARY'],
    over: (organization: OrganizationReference) => organization.path,
  },
  /** A month's report figures for a subtree: counts and sums naming no one (docs/rules/reports.md#who-reads-figures). */
  SEE_REPORT_FIGURES: { roles: ['ANALYST', 'ADMIN', 'SECRETARY', 'DEPUTY_SECRETARY', 'FINANCE_MEMBER'], over: (organization: OrganizationReference) => organization.path, partnerScope: 'reports:read' },
  /**
   * A member's receipts and their PDFs (docs/rules/dues-payments.md#who-reads-a-receipt): the member, and the
   * finance member, secretary or deputy over the organization where the member pays; not an administrator or a
   * partner: a receipt tells the amount, which a salary stands behind.
   */
  SEE_DUES_RECEIPT: {
    roles: ['FINANCE_MEMBER', 'SECRETARY', 'DEPUTY_SECRETARY'],
    over: (member: MemberReference) => member.orgPath,
    self: (member: MemberReference) => member.id,
  },
  /** The calculator: it reads nobody's data, so a partner with the dues scope may use it beside signed-in people. */
  QUOTE_DUES: {
    partnerScope: 'dues:read',
  },
  // Bank reconciliation (docs/rules/dues-payments.md#who-reconciles).
  /**
   * Importing a statement of an organization's dues account, setting its notification key and resolving its
   * exceptions: the finance member, secretary or deputy of that organization itself, whose account it is.
   */
  RECONCILE_BANK_PAYMENTS: {
    roles: ['FINANCE_MEMBER', 'SECRETARY', 'DEPUTY_SECRETARY'],
    over: (organization: OrganizationReference) => organization.path,
    when: (identity, organization: OrganizationReference) =>
      identity.grants.some((grant) => grant.orgId === organization.id && ['FINANCE_MEMBER', 'SECRETARY', 'DEPUTY_SECRETARY'].includes(grant.role)),
  },
  /** Reading an organization's exception queue: its officers, and those of the committees above it. */
  SEE_PAYMENT_EXCEPTIONS: {
    roles: ['FINANCE_MEMBER', 'SECRETARY', 'DEPUTY_SECRETARY'],
    over: (organization: OrganizationReference) => organization.path,
  },
  /** Applying a credited line to a member's months: as taking their cash, never onto the officer's own dues. */
  APPLY_BANK_PAYMENT: {
    roles: ['FINANCE_MEMBER', 'SECRETARY', 'DEPUTY_SECRETARY'],
    over: (member: MemberReference) => member.orgPath,
    when: (identity, member: MemberReference) => member.id !== identity.personId,
  },
});
