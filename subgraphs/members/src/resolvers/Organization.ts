import { checkedMonth, parseId } from '@dangvu/subgraph-kit';
import type { OrganizationResolvers } from '../generated/resolvers.ts';
import { memberStatistics } from '../member/member-statistics.ts';

export const Organization: OrganizationResolvers = {
  __resolveReference: (reference) => reference,
  members: (organization, _, context) => context.loaders.byOrganization.load(organization.id!),
  memberList: (organization, args, context) => context.memberLists.page(organization.id!, args),
  temporaryMembers: (organization, _, context) => context.loaders.hostedBy.load(organization.id!),
  officers: (organization, _, context) => context.loaders.officers.load(organization.id!),
  pendingContactChanges: async (organization, _, context) =>
    (await context.loaders.pendingContactChanges.load(organization.id!)).map((row) => row.request),
  secondFactorRequired: async (organization, _, context) => (await context.loaders.totpRequirement.load(organization.id!)) !== null,
  commentInbox: (organization, _, context) => context.commentLoaders.inbox.load(organization.id!),
  paperCommentRequest: (organization, { requestId }, context) => context.paperRequests.pdf({ id: organization.id!, name: organization.name! }, requestId),
  commentCampaigns: (organization, _, context) => context.commentLoaders.campaignsOf.load(organization.id!),
  commentRequests: (organization, _, context) => context.commentLoaders.askedBy.load(organization.id!),
  commentCounts: async (organization, _, context) =>
    (await context.commentLoaders.counts.load(organization.path!)) ?? { requested: 0, answered: 0, open: 0, overdue: 0, answeredLate: 0 },
  dataQuality: (organization, _, context) => context.dataQuality.summary(organization),
  dataQualityFindings: (organization, args, context) => context.dataQuality.findings(organization, args.check ?? null, args.after ? parseId(args.after) : null, args.first ?? 50),
  pendingResidenceDeclarations: (organization, _, context) => context.residenceDeclarationReads.pendingUnder(organization.path!),
  pendingIdentityEdits: (organization, _, context) => context.identityEditReads.pendingUnder(organization.path!),
  memberStatistics: async (organization, _, context) => memberStatistics(await context.loaders.countsUnder.load(organization.path!)),
  laggingUnits: (organization, { month, first }, context) => context.laggingUnits(organization as { path: string }, month, first ?? 10),
  memberMonthlyFigures: (organization, { month }, context) => context.memberFigures.load(`${checkedMonth(month, context.now())}|${organization.path!}`),
};
