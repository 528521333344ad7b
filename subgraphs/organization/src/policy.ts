import { definePolicy, grantsReach, type Identity } from '@dangvu/subgraph-kit';

/** An organization as the policy sees it: its place in the tree, the materialized path `/root/…/self/`. */
export interface OrganizationSubject {
  path: string;
}

const idsOf = (path: string) => path.split('/').filter(Boolean);

/**
 * Where a decision about the organization is taken: its superior (the parent), since an organization does
 * not decide about itself; a root, having none, on itself (docs/rules/organization-tree.md#who-shapes-the-tree).
 */
export function superiorPath({ path }: OrganizationSubject): string {
  const ids = idsOf(path);
  return ids.length > 1 ? `/${ids.slice(0, -1).join('/')}/` : path;
}

const TREE_SHAPERS = ['ADMIN', 'SECRETARY'] as const;
const DUES_ACCOUNT_HOLDERS = ['SECRETARY', 'FINANCE_MEMBER'] as const;
/** Officers of a committee above, who may keep the dues accounts of the organizations they manage. */
const SUPERIOR_OFFICERS = ['SECRETARY', 'DEPUTY_SECRETARY', 'FINANCE_MEMBER'] as const;

/** A role among `roles` held on the organization itself, not on one above it. */
const holdsOn = (identity: Identity, { path }: OrganizationSubject, roles: readonly string[]) =>
  identity.grants.some((grant) => grant.orgId === idsOf(path).at(-1) && roles.includes(grant.role));

/** Each ability of the organization subgraph, named once; the shield rules, the services and `viewerCan` read them. */
export const policy = definePolicy({
  /**
   * Create, rename, move, dissolve: decided from above. The subject is the organization in its place; a new
   * organization is checked at the place it is created, a move at both the place it leaves and the one it goes to.
   */
  SHAPE_TREE: { roles: TREE_SHAPERS, over: superiorPath },
  /** In or out of the online roll-out, and the month it goes online: decided from above, like the tree's shape. */
  SET_ROLLOUT_SCOPE: { roles: TREE_SHAPERS, over: superiorPath },
  /**
   * The dues account: the organization's own secretary or finance member, or an officer of a committee above
   * it (docs/rules/bank-accounts.md#who-sets-the-account). The organization's own deputy is not among them.
   */
  SET_DUES_ACCOUNT: {
    roles: SUPERIOR_OFFICERS,
    when: (identity, organization: OrganizationSubject) =>
      holdsOn(identity, organization, DUES_ACCOUNT_HOLDERS) ||
      (superiorPath(organization) !== organization.path && grantsReach(identity, superiorPath(organization), SUPERIOR_OFFICERS)),
  },
  /** Submit the organization's monthly report upward: its own secretary or deputy (docs/rules/reports.md#the-report-as-a-document). */
  SUBMIT_MONTHLY_REPORT: { roles: ['SECRETARY', 'DEPUTY_SECRETARY'], when: (identity, organization: OrganizationSubject) => holdsOn(identity, organization, ['SECRETARY', 'DEPUTY_SECRETARY']) },
  /** Read an organization's reports and its subordinates' (docs/rules/reports.md#the-report-as-a-document): officers and analysts over it. */
  SEE_MONTHLY_REPORTS: {
    roles: ['SECRETARY', 'DEPUTY_SECRETARY', 'FINANCE_MEMBER', 'ADMIN', 'ANALYST'],
    over: (organization: OrganizationSubject) => organization.path,
    // A partner reads reports as aggregates: they name no person (docs/rules/partners.md#scopes).
    partnerScope: 'reports:read',
  },
  /** The tree is not personal data: partner systems read it with this scope (signed-in people always may). */
  READ_TREE: { partnerScope: 'organizations:read' },
  /**
   * An organization kept out of the online roll-out (a commune's military or police cell) is seen only by the
   * officers whose role reaches it: not by every signed-in person, nor by partners (docs/rules/organization-tree.md#roll-out-scope).
   */
  SEE_OUT_OF_ROLLOUT: { roles: ['SECRETARY', 'DEPUTY_SECRETARY', 'FINANCE_MEMBER', 'ADMIN', 'ANALYST'], over: (organization: OrganizationSubject) => organization.path },
});

export type OrganizationPolicy = typeof policy;
