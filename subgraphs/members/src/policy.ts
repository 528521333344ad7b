import { definePolicy, grantsReach, ROLES, type Identity, type Role } from '@dangvu/subgraph-kit';
import type { AccountActor } from './account/account.machine.ts';
import type { IdentityEditActor } from './member/identity-edit/identity-edit.machine.ts';
import type { ResidenceActor } from './member/residence/residence-declaration.machine.ts';
import type { StatusActor } from './member/status/status.machine.ts';
import type { CommentActor } from './residence-comment/residence-comment.machine.ts';
import { SEARCHER_ROLES } from './member/member-search.rules.ts';

/** A member as the policy sees one: a row, or the reference other subgraphs send (id and, through @requires, orgPath). */
export interface MemberSubject {
  id: string;
  orgPath?: string | null;
}

/** An organization as this subgraph knows it: its id and materialized path. */
export interface OrganizationSubject {
  path?: string | null;
}

/** An account action's target: the member, and the roles the member holds (docs/rules/accounts.md#who-acts-on-an-account). */
export interface AccountSubject extends MemberSubject {
  orgPath: string;
  grants: readonly { orgPath: string }[];
}

/** A role to give: where, to whom, which role (null: any, for what the viewer may offer) and the roles the holder has now. */
export interface GrantSubject {
  orgPath: string;
  memberId: string;
  role: Role | null;
  holderGrants: readonly { orgPath: string }[];
}

/**
 * Roles a committee gives its own staff: the processing officer of its office and the members of its support
 * team (docs/rules/roles.md#who-grants-roles). The Party's offices are elected; the platform's roles are the
 * administrators'.
 */
export const COMMITTEE_APPOINTED_ROLES: readonly Role[] = ['PROCESSING_OFFICER', 'SUPPORT_TEAM'];
const appointedByCommittee = (role: Role | null) => role === null || COMMITTEE_APPOINTED_ROLES.includes(role);

const memberPath = (member: MemberSubject) => member.orgPath;
const organizationPath = (organization: OrganizationSubject) => organization.path;

/** A grant reaches strictly below another when its organization lies inside the other's subtree and is not it. */
const strictlyWithin = (path: string, root: string) => path !== root && path.startsWith(root);

/**
 * The caller covers every role the target holds: each of the target's grants lies strictly inside the
 * subtree of one of the caller's grants of `roles`. Equal power (a deputy and their own secretary) or a reach
 * beyond the caller's is not covered: an officer of a higher organization acts there.
 */
const coveredBy = (identity: Identity, target: { grants: readonly { orgPath: string }[] }, roles: readonly Role[]) =>
  target.grants.every((held) => identity.grants.some((grant) => roles.includes(grant.role) && strictlyWithin(held.orgPath, grant.orgPath)));

/**
 * How the caller stands to an account's holder, as the account machine reads it (account.machine.ts): their
 * own account or not, the roles reaching the holder's organization, and the roles that cover the holder's.
 */
export function accountActor(identity: Identity, target: AccountSubject, holdsActivationCode = false): AccountActor {
  return {
    self: target.id === identity.personId,
    rolesOver: ROLES.filter((role) => grantsReach(identity, target.orgPath, [role])),
    coveringRoles: ROLES.filter((role) => coveredBy(identity, target, [role])),
    holdsActivationCode,
  };
}

/**
 * How the caller stands to a member whose status is to change, as the status machines read it
 * (member/status/status.machine.ts): the roles over the member's cell, those over the organization above it
 * (the competent committee), and those that cover the member's own roles.
 */
export function statusActor(identity: Identity, target: AccountSubject): StatusActor {
  const ids = target.orgPath.split('/').filter(Boolean);
  const above = ids.length > 1 ? `/${ids.slice(0, -1).join('/')}/` : null;
  return {
    self: target.id === identity.personId,
    rolesOver: ROLES.filter((role) => grantsReach(identity, target.orgPath, [role])),
    rolesAbove: above ? ROLES.filter((role) => grantsReach(identity, above, [role])) : [],
    coveringRoles: ROLES.filter((role) => coveredBy(identity, target, [role])),
  };
}

/**
 * How the caller stands to an identity edit of a member (member/identity-edit/identity-edit.machine.ts): the roles
 * over the member's organization, those over the grassroots organization keeping the dossier (`keeperPath`, null
 * when unknown), those covering the member's own roles, and whether the caller made the proposal.
 */
export function identityEditActor(identity: Identity, target: AccountSubject, keeperPath: string | null, proposedBy: string | null = null): IdentityEditActor {
  return {
    self: target.id === identity.personId,
    rolesOver: ROLES.filter((role) => grantsReach(identity, target.orgPath, [role])),
    keeperRoles: keeperPath ? ROLES.filter((role) => grantsReach(identity, keeperPath, [role])) : [],
    coveringRoles: ROLES.filter((role) => coveredBy(identity, target, [role])),
    proposer: proposedBy !== null && proposedBy === identity.personId,
  };
}

/**
 * How the caller stands to a residence declaration (member/residence/residence-declaration.machine.ts): the member,
 * a secretary or deputy over the member's organization, one over the commune committee above the declared cell,
 * the one who declared it.
 */
export function residenceActor(identity: Identity, member: MemberSubject & { orgPath: string }, declaration: { communePath: string; declaredBy: string } | null): ResidenceActor {
  const officers = ['SECRETARY', 'DEPUTY_SECRETARY'] as const;
  return {
    self: member.id === identity.personId,
    memberOfficer: grantsReach(identity, member.orgPath, officers),
    commune: declaration !== null && grantsReach(identity, declaration.communePath, officers),
    declarer: declaration !== null && declaration.declaredBy === identity.personId,
  };
}

const ISSUERS = ['SECRETARY', 'DEPUTY_SECRETARY', 'ADMIN'] as const;

/**
 * Who acts for a workplace or a commune committee in the residence-comment procedure: its secretary, deputies
 * and the processing officer of its office (docs/rules/residence-comments.md#who-does-what).
 */
const COMMENT_OFFICERS = ['SECRETARY', 'DEPUTY_SECRETARY', 'PROCESSING_OFFICER'] as const;
/** The residence cell's comment is the cell committee's: its secretary or deputy writes it for the committee. */
const CELL_COMMENTERS = ['SECRETARY', 'DEPUTY_SECRETARY'] as const;

/** A residence-comment request as the policy sees it: the member, and the organizations it passes. */
export interface CommentRequestSubject {
  memberId: string;
  workplacePath: string;
  communePath: string | null;
  residenceCellPath: string | null;
}

/** Whether the caller takes part in a request: an officer on its way, or the member it is about. */
export function seesCommentRequest(identity: Identity, request: CommentRequestSubject): boolean {
  const actor = commentActor(identity, request);
  return actor.workplace || actor.commune || actor.cell || actor.subject;
}

/** Whether the caller may read what the comment says: officers of the workplace and of the residence cell, never the member. */
export function seesCommentContent(identity: Identity, request: CommentRequestSubject): boolean {
  const actor = commentActor(identity, request);
  return (actor.workplace || actor.cell) && !actor.subject;
}

/** How the caller stands to a request, as the comment machine reads it (residence-comment.machine.ts). */
export function commentActor(identity: Identity, request: CommentRequestSubject): CommentActor {
  const over = (path: string | null, roles: readonly Role[] = COMMENT_OFFICERS) => path !== null && grantsReach(identity, path, roles);
  return {
    workplace: over(request.workplacePath),
    commune: over(request.communePath),
    cell: over(request.residenceCellPath, CELL_COMMENTERS),
    subject: request.memberId === identity.personId,
    system: false,
  };
}

/** Each ability of the members subgraph, named once (docs/rules/personal-data.md, docs/rules/roles.md, docs/rules/accounts.md). */
export const policy = definePolicy({
  /** The record at all: the member, the officers over the member's organization, read-scoped partners. */
  SEE_MEMBER: {
    roles: ['SECRETARY', 'DEPUTY_SECRETARY', 'ADMIN', 'FINANCE_MEMBER', 'PROCESSING_OFFICER', 'SUPPORT_TEAM'],
    over: memberPath,
    self: (member: MemberSubject) => member.id,
    partnerScope: 'members:read',
  },
  /** Citizen ID, birth date, address, phone, residence cell, role grants, account, access log. */
  SEE_PERSONAL_DATA: { roles: ['SECRETARY', 'DEPUTY_SECRETARY', 'ADMIN'], over: memberPath, self: (member: MemberSubject) => member.id },
  /** The dues basis is income: personal, and also for the finance member who collects the dues. */
  SEE_DUES_BASIS: {
    roles: ['SECRETARY', 'DEPUTY_SECRETARY', 'ADMIN', 'FINANCE_MEMBER'],
    over: memberPath,
    self: (member: MemberSubject) => member.id,
  },
  SEARCH_MEMBERS: { roles: SEARCHER_ROLES, partnerScope: 'members:read' },
  EDIT_RECORD: { roles: ISSUERS, over: memberPath },
  /** The shield's gate for the account actions; who may act on which account is the account machine's (accountActor). */
  ISSUE_ACCOUNT: { roles: ISSUERS },
  ADMINISTER_ACCOUNT: { roles: ['ADMIN'] },
  /** Ending a sign-in lock-out early: the officers who could reissue the account. */
  CLEAR_SIGN_IN_LOCK: { roles: ISSUERS },
  /**
   * An administrator over the organization gives any role; its secretary gives the committee's own office and
   * support roles, to a member whose every role lies strictly below theirs. Nobody gives a role to themself.
   */
  GRANT_ROLE: {
    roles: ['ADMIN', 'SECRETARY'],
    over: (grant: GrantSubject) => grant.orgPath,
    when: (identity, grant: GrantSubject) =>
      grant.memberId !== identity.personId &&
      (grantsReach(identity, grant.orgPath, ['ADMIN']) || (appointedByCommittee(grant.role) && coveredBy(identity, { grants: grant.holderGrants }, ['SECRETARY']))),
  },
  /** An administrator ends any grant over their reach; the secretary the office and support roles their committee gave, not their own. */
  END_ROLE: {
    roles: ['ADMIN', 'SECRETARY'],
    over: (grant: { orgPath: string }) => grant.orgPath,
    when: (identity, grant: { orgPath: string; role: Role; memberId: string }) =>
      grantsReach(identity, grant.orgPath, ['ADMIN']) || (appointedByCommittee(grant.role) && grant.memberId !== identity.personId),
  },
  /** The shield's gate for the cell's and the committee's steps on a status change; which member, the status machines decide (statusActor). */
  DECIDE_MEMBER_STATUS: { roles: ['SECRETARY', 'DEPUTY_SECRETARY'] },
  /** The shield's gates of identity edits; on which member and proposal, the identity-edit machine decides (identityEditActor). */
  PROPOSE_IDENTITY_EDIT: { roles: ISSUERS },
  DECIDE_IDENTITY_EDIT: { roles: ['SECRETARY', 'DEPUTY_SECRETARY'] },
  /** The proposals awaiting a grassroots organization's committee, and the member's own list. */
  SEE_IDENTITY_EDITS: { roles: ISSUERS, over: organizationPath },
  /** The shield's gates of recognition as official; about which member, the recognition machine decides (recognition.machine.ts). */
  PROPOSE_RECOGNITION: { roles: ['SECRETARY', 'DEPUTY_SECRETARY'] },
  DECIDE_RECOGNITION: { roles: ['SECRETARY', 'DEPUTY_SECRETARY'] },
  /** The shield's gate of the commune committee's confirmation; on which declaration, the machine decides (residenceActor). */
  CONFIRM_RESIDENCE: { roles: ['SECRETARY', 'DEPUTY_SECRETARY'] },
  /** The declarations awaiting a commune committee. */
  SEE_RESIDENCE_DECLARATIONS: { roles: ['SECRETARY', 'DEPUTY_SECRETARY'], over: organizationPath },
  DECIDE_CONTACT_CHANGE: { roles: ['SECRETARY', 'DEPUTY_SECRETARY'], over: memberPath },
  LIST_MEMBERS: { roles: ['SECRETARY', 'DEPUTY_SECRETARY', 'ADMIN', 'FINANCE_MEMBER'], over: organizationPath },
  SEE_PENDING_CONTACT_CHANGES: { roles: ['SECRETARY', 'DEPUTY_SECRETARY'], over: organizationPath },
  REQUIRE_SECOND_FACTOR: { roles: ['ADMIN'], over: organizationPath },
  /** Who an organization's officers are: any officer over it, and partners reading the tree; its own members are let in by permissions.ts. */
  SEE_OFFICERS: { roles: ['SECRETARY', 'DEPUTY_SECRETARY', 'FINANCE_MEMBER', 'ADMIN', 'ANALYST'], over: organizationPath, partnerScope: 'organizations:read' },
  /** The members a data-quality check finds, to put them right (docs/rules/data-quality.md#who-sees-what). */
  FIX_REGISTER_DATA: { roles: ['SECRETARY', 'DEPUTY_SECRETARY', 'ADMIN'], over: organizationPath },
  /** Counts name no one: the one thing about members an analyst sees. */
  SEE_MEMBER_STATISTICS: { roles: ['ANALYST', 'ADMIN', 'SECRETARY', 'DEPUTY_SECRETARY', 'FINANCE_MEMBER'], over: organizationPath },
  /**
   * A month's report figures for a subtree: counts that name no one (docs/rules/reports.md#who-reads-figures),
   * for the analysts and officers whose grant reaches the organization.
   */
  SEE_REPORT_FIGURES: { roles: ['ANALYST', 'ADMIN', 'SECRETARY', 'DEPUTY_SECRETARY', 'FINANCE_MEMBER'], over: organizationPath, partnerScope: 'reports:read' },
  /** Open a yearly comment campaign, and follow what an organization asked (docs/rules/residence-comments.md#who-does-what). */
  MANAGE_RESIDENCE_COMMENTS: { roles: COMMENT_OFFICERS, over: organizationPath },
  /**
   * Ask one member's residence comment: an officer over the member, about someone else, whose every role lies
   * strictly under the caller's (a higher officer's comment is asked by the level above).
   */
  REQUEST_RESIDENCE_COMMENT: {
    roles: COMMENT_OFFICERS,
    over: memberPath,
    when: (identity, target: AccountSubject) => target.id !== identity.personId && coveredBy(identity, target, COMMENT_OFFICERS),
  },
  /** The list of requests about a member; each request shows only to those who take part in it (seesCommentRequest). */
  SEE_MEMBER_COMMENTS: { roles: COMMENT_OFFICERS, over: memberPath, self: (member: MemberSubject) => member.id },
  /** The gate of the routing and answering steps; the comment machine decides on the request (commentActor). */
  ACT_ON_RESIDENCE_COMMENTS: { roles: COMMENT_OFFICERS },
  /** What waits on an organization as residence cell or commune committee. */
  SEE_COMMENT_INBOX: { roles: COMMENT_OFFICERS, over: organizationPath },
  /** Counts that name no one, for reports. */
  SEE_COMMENT_COUNTS: { roles: ['SECRETARY', 'DEPUTY_SECRETARY', 'PROCESSING_OFFICER', 'ADMIN', 'ANALYST'], over: organizationPath },
  /**
   * Files from the central member database and social insurance, and what they change, for the subtree they
   * concern: an administrator over it (docs/rules/register-import.md#who-imports).
   */
  IMPORT_REGISTER: { roles: ['ADMIN'], over: organizationPath },
  /** Partner systems are registered by an administrator of a whole tree (a root organization). */
  REGISTER_PARTNER: { roles: ['ADMIN'], when: (identity) => identity.grants.some((grant) => grant.role === 'ADMIN' && /^\/[^/]+\/$/.test(grant.orgPath)) },
});

export type MembersPolicy = typeof policy;

/** An organization as other subgraphs send it here: its id and, through @requires, its path. */
export interface OrganizationReference {
  id?: string;
  path?: string | null;
  /** Through @requires, for a field that prints it. */
  name?: string | null;
}
