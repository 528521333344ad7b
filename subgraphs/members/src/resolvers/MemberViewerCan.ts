import type { MemberViewerCanResolvers } from '../generated/resolvers.ts';

/** The parent is the member itself: each answer is the policy's, as the mutation would decide it. */
export const MemberViewerCan: MemberViewerCanResolvers = {
  seePersonalData: (member, _, context) => context.abilities.on(member, 'SEE_PERSONAL_DATA'),
  editRecord: (member, _, context) => context.abilities.on(member, 'EDIT_RECORD'),
  issueAccount: (member, _, context) => context.abilities.onAccountOf(member, 'ISSUE_ACCOUNT'),
  administerAccount: (member, _, context) => context.abilities.onAccountOf(member, 'ADMINISTER_ACCOUNT'),
  grantRole: async (member, _, context) => (await context.roles.grantableOrganizations(member)).length > 0,
  decideContactChanges: (member, _, context) => context.abilities.on(member, 'DECIDE_CONTACT_CHANGE'),
};
