import { groupLoader, rowLoader } from '@dangvu/subgraph-kit';
import type { Repositories } from '../repositories.ts';
import type { CommentRequestRow } from './residence-comment.repository.ts';

/** Per-request loaders of the residence-comment procedure: one statement per relation per request. */
export function residenceCommentLoaders(repos: Repositories) {
  const comments = repos.residenceComments;
  return {
    ofMember: groupLoader(comments.ofMembers, (row: CommentRequestRow) => row.memberId),
    ofCampaign: groupLoader(comments.ofCampaigns, (row: CommentRequestRow) => row.campaignId!),
    askedBy: groupLoader(comments.askedBy, (row: CommentRequestRow) => row.workplaceOrgId),
    inbox: groupLoader(comments.inboxOf, (row: CommentRequestRow) => (row.state === 'AT_CELL' ? row.residenceCellId! : row.communeOrgId!)),
    given: groupLoader(comments.commentsOf, (row) => row.requestId),
    campaign: rowLoader(comments.campaignsByIds, (row) => row.id),
    campaignsOf: groupLoader(comments.campaignsOf, (row) => row.orgId),
    exemptions: groupLoader(comments.exemptionsOf, (row) => row.exemption.campaignId),
    counts: rowLoader(comments.countsUnder, (row) => row.path),
  };
}

export type ResidenceCommentLoaders = ReturnType<typeof residenceCommentLoaders>;
