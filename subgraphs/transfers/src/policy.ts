import { definePolicy, grantsReach, ON_BEHALF_ROLES, ROLES, type Identity, type Role, type RoleGrant } from '@dangvu/subgraph-kit';
import { isIssuer, onReceivingSide, onSendingSide, type DossierLines } from './transfer/issuing-route.rules.ts';
import type { TransferActor } from './transfer/transfer.machine.ts';

/** A root organization's path has one segment: '/<id>/'. */
const ROOT_PATH = /^\/[^/]+\/$/;

/** The grants that make the caller an administrator of a root organization (docs/rules/working-days.md#the-yearly-schedule-adjustments). */
export const rootAdminGrants = (identity: Identity) => identity.grants.filter((grant) => grant.role === 'ADMIN' && ROOT_PATH.test(grant.orgPath));

/**
 * Who decides on a dossier for an organization: its secretary and deputy secretaries, and the processing officer
 * of its office (docs/rules/roles.md#processing-officer); the letter itself is signed by the first two (the machine).
 */
export const TRANSFER_OFFICER_ROLES: readonly Role[] = ['SECRETARY', 'DEPUTY_SECRETARY', 'PROCESSING_OFFICER'];

/** Who reads the dossiers of the members under them: the officers, administrators, and the support team that acts for members there. */
const DOSSIER_READERS: readonly Role[] = [...ON_BEHALF_ROLES, 'ADMIN'];

/** A dossier as the policy reads it; the paths are null on a dossier loaded from earlier records. */
export interface DossierSubject {
  memberId: string;
  originPath: string | null;
  issuerPath: string | null;
  destinationPath: string | null;
  receivingRootPath: string | null;
}

const linesOf = (dossier: DossierSubject): DossierLines | null =>
  dossier.originPath && dossier.issuerPath
    ? { originPath: dossier.originPath, issuerPath: dossier.issuerPath, destinationPath: dossier.destinationPath, receivingRootPath: dossier.receivingRootPath }
    : null;

type Side = 'sending' | 'issuing' | 'receiving';
const SIDE_TEST: Record<Side, (grantPath: string, lines: DossierLines) => boolean> = { sending: onSendingSide, issuing: isIssuer, receiving: onReceivingSide };

/** The caller's officer grant that puts them on `side` of the dossier, if any: the step records on which organization's behalf they acted. */
export function sideGrant(identity: Identity, dossier: DossierSubject, side: Side): RoleGrant | undefined {
  const lines = linesOf(dossier);
  return lines ? identity.grants.find((grant) => TRANSFER_OFFICER_ROLES.includes(grant.role) && SIDE_TEST[side](grant.orgPath, lines)) : undefined;
}

/**
 * How the caller stands to a dossier, as the transfer machines read it (transfer.machine.ts): the member, the
 * roles reaching the member's cell (for steps done on the member's behalf), and the sides of the dossier the
 * caller is an officer of (docs/rules/transfers.md#who-acts-on-a-dossier).
 */
export function transferActor(identity: Identity, dossier: DossierSubject): TransferActor {
  const origin = dossier.originPath;
  return {
    self: identity.personId !== null && identity.personId === dossier.memberId,
    rolesOver: origin ? ROLES.filter((role) => grantsReach(identity, origin, [role])) : [],
    sending: sideGrant(identity, dossier, 'sending') !== undefined,
    issuing: sideGrant(identity, dossier, 'issuing') !== undefined,
    receiving: sideGrant(identity, dossier, 'receiving') !== undefined,
    system: false,
  };
}

/** Someone other than the member who may do the member's own steps on the dossier for them (docs/rules/roles.md#on-behalf-steps). */
export const actsForMember = (identity: Identity, dossier: DossierSubject) =>
  identity.personId !== dossier.memberId && dossier.originPath !== null && grantsReach(identity, dossier.originPath, ON_BEHALF_ROLES);

/** The daily deadline job, as the machines see it. */
export const DEADLINE_JOB: TransferActor = { self: false, rolesOver: [], sending: false, issuing: false, receiving: false, system: true };

/** Whoever takes part in a dossier, or oversees the member's organization, may read it. */
const partyTo = (identity: Identity, dossier: DossierSubject) =>
  identity.personId === dossier.memberId ||
  Boolean(identity.partner) ||
  (dossier.originPath !== null && grantsReach(identity, dossier.originPath, DOSSIER_READERS)) ||
  sideGrant(identity, dossier, 'receiving') !== undefined;

const memberPath = (member: { orgPath?: string | null }) => member.orgPath;
const memberId = (member: { id: string }) => member.id;
const organizationPath = (organization: { path?: string | null }) => organization.path;

/** Each step on a dossier is its own ability: the shield's gate; the machine then decides on the dossier itself. */
const officerStep = { roles: TRANSFER_OFFICER_ROLES };
const memberStep = { roles: ON_BEHALF_ROLES, self: (dossier: DossierSubject) => dossier.memberId };

/** Each ability of the transfers subgraph, named once (docs/rules/transfers.md#who-reads-transfers, #who-acts-on-a-dossier). */
export const policy = definePolicy({
  /** A member's dossiers: the member, the secretary, deputy or administrator over the member's organization, partners allowed to read transfers. */
  SEE_TRANSFERS: {
    roles: DOSSIER_READERS,
    over: memberPath,
    self: memberId,
    partnerScope: 'transfers:read',
  },
  /** One dossier: the member, the officers over the member's cell, the receiving side's officers, partners allowed to read transfers. */
  SEE_TRANSFER: {
    roles: [...DOSSIER_READERS, ...TRANSFER_OFFICER_ROLES],
    self: (dossier: DossierSubject) => dossier.memberId,
    partnerScope: 'transfers:read',
    when: partyTo,
  },
  /** What waits on an organization, and what it sent that is not received yet: its officers and administrators. */
  SEE_TRANSFER_INBOX: { roles: [...TRANSFER_OFFICER_ROLES, 'ADMIN'], over: organizationPath },
  /** How many dossiers are open, overdue or stalled below an organization: counts naming no one, for analysts too. */
  /** A month's report figures for a subtree: counts naming no one (docs/rules/reports.md#who-reads-figures). */
  SEE_REPORT_FIGURES: { roles: ['ANALYST', 'ADMIN', 'SECRETARY', 'DEPUTY_SECRETARY', 'FINANCE_MEMBER'], over: organizationPath, partnerScope: 'reports:read' },
  SEE_TRANSFER_COUNTS: { roles: [...TRANSFER_OFFICER_ROLES, 'ADMIN', 'ANALYST'], over: organizationPath },
  /** Open a dossier (and read the voucher it needs): the member, or someone over the member's cell for them (docs/rules/roles.md#on-behalf-steps). */
  START_TRANSFER: { roles: ON_BEHALF_ROLES, over: memberPath, self: memberId },
  SUBMIT_TRANSFER: memberStep,
  CANCEL_TRANSFER: memberStep,
  REVIEW_TRANSFER: officerStep,
  RETURN_TRANSFER_FOR_COMPLETION: officerStep,
  REJECT_TRANSFER: officerStep,
  /** Read the member's identifiers and dues standing for the letter, then issue it: officers over the member's cell. */
  ISSUE_TRANSFER_LETTER: { roles: TRANSFER_OFFICER_ROLES, over: memberPath },
  HAND_OVER_TRANSFER: officerStep,
  REPLACE_LOST_TRANSFER_LETTER: officerStep,
  RECEIVE_TRANSFER: officerStep,
  ACCEPT_TRANSFER: officerStep,
  REFUSE_TRANSFER: officerStep,
  RECORD_EXTERNAL_RECEIPT: officerStep,
  EXTEND_TEMPORARY_TRANSFER: officerStep,
  END_TEMPORARY_TRANSFER: officerStep,
  /** Record that the letter's QR code was scanned at a handover: anyone who may read the dossier, not a partner. */
  RECORD_TRANSFER_HANDOVER: {
    roles: [...DOSSIER_READERS, ...TRANSFER_OFFICER_ROLES],
    self: (dossier: DossierSubject) => dossier.memberId,
    when: (identity, dossier: DossierSubject) => identity.partner === null && partyTo(identity, dossier),
  },
  /** Enter or remove a day of the government's yearly schedule: it changes every deadline in the country. */
  MANAGE_CALENDAR: { roles: ['ADMIN'], when: (identity: Identity) => rootAdminGrants(identity).length > 0 },
});

export type TransfersPolicy = typeof policy;
