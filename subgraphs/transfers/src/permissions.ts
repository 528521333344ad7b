import { isAuthenticated, isPerson } from '@dangvu/subgraph-kit';
import { allow, and } from 'graphql-shield';
import { policy } from './policy.ts';

/** The yearly schedule's upkeep: exact on the caller, who is the whole subject. */
const manageCalendar = and(isPerson, policy.rule('MANAGE_CALENDAR', () => undefined));

type MemberParent = { id: string; orgPath?: string };
type OrganizationParent = { path?: string };

/**
 * Default deny. A step's mutation passes here when the caller could take it somewhere (its ability's gate);
 * the service then lets the dossier's machine decide on the dossier itself (docs/rules/transfers.md#who-acts-on-a-dossier).
 */
export const rules = {
  Query: {
    // The calendar is public knowledge: any signed-in person or partner system may count with it.
    addWorkingDays: isAuthenticated,
    workingDaysBetween: isAuthenticated,
    calendarAdjustments: isAuthenticated,
    // Checked on the dossier by the read service (SEE_TRANSFER).
    transfer: isAuthenticated,
    transferByCode: isAuthenticated,
  },
  Mutation: {
    setCalendarAdjustment: manageCalendar,
    removeCalendarAdjustment: manageCalendar,
    startTransfer: and(isPerson, policy.rule('START_TRANSFER')),
    submitTransfer: and(isPerson, policy.rule('SUBMIT_TRANSFER')),
    cancelTransfer: and(isPerson, policy.rule('CANCEL_TRANSFER')),
    reviewTransfer: policy.rule('REVIEW_TRANSFER'),
    returnTransferForCompletion: policy.rule('RETURN_TRANSFER_FOR_COMPLETION'),
    rejectTransfer: policy.rule('REJECT_TRANSFER'),
    issueTransferLetter: policy.rule('ISSUE_TRANSFER_LETTER'),
    handOverTransferDossier: policy.rule('HAND_OVER_TRANSFER'),
    replaceLostTransferLetter: policy.rule('REPLACE_LOST_TRANSFER_LETTER'),
    receiveTransfer: policy.rule('RECEIVE_TRANSFER'),
    checkTransferDossierItems: policy.rule('ACCEPT_TRANSFER'),
    acceptTransfer: policy.rule('ACCEPT_TRANSFER'),
    refuseTransfer: policy.rule('REFUSE_TRANSFER'),
    recordExternalReceipt: policy.rule('RECORD_EXTERNAL_RECEIPT'),
    extendTemporaryTransfer: policy.rule('EXTEND_TEMPORARY_TRANSFER'),
    endTemporaryTransfer: policy.rule('END_TEMPORARY_TRANSFER'),
    recordTransferHandover: and(isPerson, policy.rule('RECORD_TRANSFER_HANDOVER')),
  },
  Member: {
    id: allow,
    orgPath: allow,
    transfers: policy.rule('SEE_TRANSFERS', (member) => member as MemberParent),
    // The viewer's own ability, answered for anyone signed in.
    viewerMayStartTransferFor: isPerson,
    transferVoucher: and(isPerson, policy.rule('START_TRANSFER', (member) => member as MemberParent)),
    transferLetterVoucher: and(isPerson, policy.rule('ISSUE_TRANSFER_LETTER', (member) => member as MemberParent)),
  },
  Organization: {
    id: allow,
    path: allow,
    transferVoucher: isPerson,
    transferInbox: policy.rule('SEE_TRANSFER_INBOX', (organization) => organization as OrganizationParent),
    transfersAwaitingReceipt: policy.rule('SEE_TRANSFER_INBOX', (organization) => organization as OrganizationParent),
    transferCounts: policy.rule('SEE_TRANSFER_COUNTS', (organization) => organization as OrganizationParent),
    transferMonthlyFigures: policy.rule('SEE_REPORT_FIGURES', (organization) => organization as OrganizationParent),
  },
  // Reached only through the guarded fields above, each of which checked the caller against the dossier.
  Transfer: allow,
  TransferDestination: allow,
  TransferDeadline: allow,
  TransferDossierCheck: allow,
  TransferTimelineEntry: allow,
  TransferLetter: allow,
  TransferInboxEntry: allow,
  TransferCounts: allow,
  // Reached only through Organization.transferMonthlyFigures: counts, no person.
  TransferMonthlyFigures: allow,
  ProcedureFigures: allow,
  Rate: allow,
  TransferPayload: allow,
  // Reached only through the guarded operations above.
  CalendarAdjustment: allow,
  CalendarAdjustmentPayload: allow,
  UserError: allow,
};
