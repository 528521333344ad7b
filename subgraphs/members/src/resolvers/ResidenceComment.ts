import { availableActions } from '@dangvu/subgraph-kit';
import type { MembersContext } from '../context.ts';
import type { ResidenceCommentResolvers } from '../generated/resolvers.ts';
import { commentActor } from '../policy.ts';
import { commentMachine } from '../residence-comment/residence-comment.machine.ts';
import type { CommentRequestRow } from '../residence-comment/residence-comment.repository.ts';
import { entityOf } from '../residence-comment/residence-comment.service.ts';

/** The comments given on a request, their reading noted in the member's access log (personal data). */
async function givenRead(request: CommentRequestRow, context: MembersContext) {
  const given = await context.commentLoaders.given.load(request.id);
  if (given.length) context.residenceComments.recordContentRead(request);
  return given;
}

export const ResidenceComment: ResidenceCommentResolvers = {
  member: async (request, _, context) => (await context.loaders.byId.load(request.memberId))!,
  memberName: async (request, _, context) => (await context.loaders.byId.load(request.memberId))!.fullName,
  requestedBy: (request) => ({ id: request.workplaceOrgId, path: request.workplacePath }),
  campaign: (request, _, context) => (request.campaignId ? context.commentLoaders.campaign.load(request.campaignId) : null),
  residenceCell: (request) => (request.residenceCellId ? { id: request.residenceCellId, path: request.residenceCellPath } : null),
  commune: (request) => (request.communeOrgId ? { id: request.communeOrgId, path: request.communePath } : null),
  outsideRecipient: (request) => (request.outsideName ? { name: request.outsideName, address: request.outsideAddress ?? '' } : null),
  overdue: (request) => request.overdueOn !== null,
  availableActions: async (request, _, context) => {
    const latest = (await context.commentLoaders.given.load(request.id)).at(-1) ?? null;
    return availableActions(commentMachine, entityOf(request, latest), commentActor(context.identity, request));
  },
  comment: async (request, _, context) => (await givenRead(request, context)).at(-1) ?? null,
  commentHistory: (request, _, context) => givenRead(request, context),
};
