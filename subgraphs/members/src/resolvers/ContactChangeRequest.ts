import type { ContactChangeRequestResolvers } from '../generated/resolvers.ts';

export const ContactChangeRequest: ContactChangeRequestResolvers = {
  requestedAt: (request) => request.requestedAt.toISOString(),
  member: async (request, _, context) => (await context.loaders.byId.load(request.memberId))!,
};
