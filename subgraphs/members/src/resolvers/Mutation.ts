import type { MutationResolvers } from '../generated/resolvers.ts';
import type { MemberFields } from '../member/member.rules.ts';

/** Every mutation of the members subgraph: each hands its input to the service that decides and acts. */
export const Mutation: MutationResolvers = {
  login: (_, { input }, context) => context.login.login(input),
  refreshSession: (_, { input }, context) => context.sessions.refresh(input.refreshToken),
  logout: (_, { input }, context) => context.sessions.logout(input.refreshToken),
  activateAccount: (_, { input }, context) => context.accounts.activate(input),
  changePassword: (_, { input }, context) => context.accounts.changePassword(input),
  issueAccount: (_, { input }, context) => context.accounts.issue(input.memberId),
  reissueAccount: (_, { input }, context) => context.accounts.reissue(input.memberId),
  lockAccount: (_, { input }, context) => context.accounts.lock(input.memberId),
  unlockAccount: (_, { input }, context) => context.accounts.unlock(input.memberId),
  revokeAccount: (_, { input }, context) => context.accounts.revoke(input.memberId),
  clearSignInLock: (_, { input }, context) => context.accounts.clearSignInLock(input.memberId),
  grantRole: (_, { input }, context) => context.roles.grant(input),
  endRole: (_, { input }, context) => context.roles.end(input),
  registerPartnerClient: (_, { input }, context) => context.partners.register(input),
  partnerToken: (_, { input }, context) => context.partners.token(input),
  startSecondFactor: (_, _args, context) => context.secondFactor.start(),
  confirmSecondFactor: (_, { input }, context) => context.secondFactor.confirm(input.code),
  disableSecondFactor: (_, { input }, context) => context.secondFactor.disable(input.code),
  requireSecondFactor: (_, { input }, context) => context.secondFactor.require(input),
  updateMember: (_, { input }, context) => context.memberEdits.update(input as Partial<MemberFields> & { id: string; expectedVersion: number }),
  proposeContactChange: (_, { input }, context) => context.contactChanges.propose(input),
  decideContactChange: (_, { input }, context) => context.contactChanges.decide(input),
  applyForStatusChange: (_, { input }, context) => context.statusChanges.apply(input),
  resolveStatusChange: (_, { input }, context) => context.statusChanges.resolve(input),
  reportStatusChange: (_, { input }, context) => context.statusChanges.report(input),
  withdrawStatusChange: (_, { input }, context) => context.statusChanges.withdraw(input),
  decideMemberStatus: (_, { input }, context) => context.statusChanges.decide(input),
};
