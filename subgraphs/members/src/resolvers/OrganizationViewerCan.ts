import type { OrganizationViewerCanResolvers } from '../generated/resolvers.ts';

export const OrganizationViewerCan: OrganizationViewerCanResolvers = {
  __resolveReference: (reference) => reference,
  listMembers: (organization, _, context) => context.abilities.on(organization, 'LIST_MEMBERS'),
  decideContactChanges: (organization, _, context) => context.abilities.on(organization, 'SEE_PENDING_CONTACT_CHANGES'),
  requireSecondFactor: (organization, _, context) => context.abilities.on(organization, 'REQUIRE_SECOND_FACTOR'),
  seeMemberStatistics: (organization, _, context) => context.abilities.on(organization, 'SEE_MEMBER_STATISTICS'),
  searchMembers: (organization, _, context) => context.abilities.on(organization, 'LIST_MEMBERS'),
  confirmResidences: (organization, _, context) => context.abilities.on(organization, 'SEE_RESIDENCE_DECLARATIONS'),
  importRegister: (organization, _, context) => context.abilities.on(organization, 'IMPORT_REGISTER'),
  seeIdentityEdits: (organization, _, context) => context.abilities.on(organization, 'SEE_IDENTITY_EDITS'),
};
