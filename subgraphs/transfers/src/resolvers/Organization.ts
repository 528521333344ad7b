import { checkedMonth } from '@dangvu/subgraph-kit';
import type { OrganizationResolvers } from '../generated/resolvers.ts';

/** An organization as other subgraphs send one: the id and, through @requires, its path and line. */
export type OrganizationReference = { id: string; path?: string } & Record<string, unknown>;

/** The shield has checked the caller's reach over `path` (SEE_TRANSFER_INBOX) before these run. */
export const Organization: OrganizationResolvers = {
  __resolveReference: (reference) => reference,
  transferVoucher: (organization, _, context) => context.vouchers.organization(organization, context.identity.personId),
  transferInbox: (organization, _, context) => context.reads.inbox({ path: organization.path! }),
  transfersAwaitingReceipt: (organization, _, context) => context.reads.awaitingReceipt({ path: organization.path! }),
  transferCounts: (organization, _, context) => context.reads.counts({ path: organization.path! }),
  transferMonthlyFigures: (organization, { month }, context) => context.figures.load(`${checkedMonth(month, context.now())}|${organization.path!}`),
};
