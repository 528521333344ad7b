import type { DutyCommentResolvers } from '../generated/resolvers.ts';
import { DUTY_LABELS } from '../residence-comment/residence-comment.rules.ts';

export const DutyComment: DutyCommentResolvers = {
  label: (comment) => DUTY_LABELS[comment.duty],
};
