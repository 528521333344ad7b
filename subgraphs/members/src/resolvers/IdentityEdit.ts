import type { Resolvers } from '../generated/resolvers.ts';

export const IdentityEdit: Resolvers['IdentityEdit'] = {
  member: async (edit, _, context) => (await context.loaders.byId.load(edit.memberId))!,
  proposedBy: (edit, _, context) => context.loaders.byId.load(edit.proposedBy),
  decidedBy: (edit, _, context) => (edit.decidedBy ? context.loaders.byId.load(edit.decidedBy) : null),
  viewerActions: (edit, _, context) => context.identityEditReads.viewerActions(edit),
};
