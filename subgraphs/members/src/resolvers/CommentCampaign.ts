import type { CommentCampaignResolvers } from '../generated/resolvers.ts';

export const CommentCampaign: CommentCampaignResolvers = {
  organization: (campaign) => ({ id: campaign.orgId, path: campaign.orgPath }),
  requests: (campaign, _, context) => context.commentLoaders.ofCampaign.load(campaign.id),
  exemptions: async (campaign, _, context) => (await context.commentLoaders.exemptions.load(campaign.id)).map((row) => row.exemption),
};
