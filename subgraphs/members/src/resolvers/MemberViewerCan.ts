import type { MembersContext } from '../context.ts';
import type { MemberViewerCanResolvers } from '../generated/resolvers.ts';
import type { MemberRow } from '../member/member.repository.ts';

/** What the account machine offers the viewer on the member's account, or on its absence. */
const accountActions = async (member: MemberRow, context: MembersContext) =>
  context.accounts.availableActions(member.id, await context.loaders.account.load(member.id));

/** The parent is the member itself: each answer is the policy's or the account machine's, as the mutation would decide. */
export const MemberViewerCan: MemberViewerCanResolvers = {
  seePersonalData: (member, _, context) => context.abilities.on(member, 'SEE_PERSONAL_DATA'),
  editRecord: (member, _, context) => context.abilities.on(member, 'EDIT_RECORD'),
  issueAccount: async (member, _, context) => (await accountActions(member, context)).some((action) => action === 'ISSUE' || action === 'REISSUE'),
  administerAccount: async (member, _, context) =>
    (await accountActions(member, context)).some((action) => action === 'LOCK' || action === 'UNLOCK' || action === 'REVOKE'),
  grantRole: async (member, _, context) => (await context.roles.grantableOrganizations(member)).length > 0,
  decideContactChanges: (member, _, context) => context.abilities.on(member, 'DECIDE_CONTACT_CHANGE'),
};
