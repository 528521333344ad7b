import type { ContactChangeRequestResolvers } from '../generated/resolvers.ts';

export const ContactChangeRequest: ContactChangeRequestResolvers = {
  requestedAt: (request) => request.requestedAt.toISOString(),
  member: async (request, _, context) => (await context.loaders.byId.load(request.memberId))!,
  // A proposed phone or address is the member's personal data, as on the record.
  phone: async (request, _, context) => {
    await context.views.recordById(request.memberId, (id) => context.loaders.byId.load(id));
    return request.phone;
  },
  residenceAddress: async (request, _, context) => {
    await context.views.recordById(request.memberId, (id) => context.loaders.byId.load(id));
    return request.residenceAddress;
  },
};
