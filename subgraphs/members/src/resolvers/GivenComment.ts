import type { GivenCommentResolvers } from '../generated/resolvers.ts';
import type { GivenDuty } from '../residence-comment/residence-comment.rules.ts';
import { commentSignatureValid } from '../residence-comment/residence-comment.service.ts';

export const GivenComment: GivenCommentResolvers = {
  // jsonb as written by the service: the duties in their order, or null for a paper answer.
  duties: (comment) => (comment.duties as GivenDuty[] | null) ?? [],
  signatureValid: (comment) => commentSignatureValid(comment),
};
