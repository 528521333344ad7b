import type { Role } from '@dangvu/subgraph-kit';
import type { MembersContext } from '../context.ts';

type ByMember = { input: { memberId: string } };
type Input<T> = { input: T };

/** Account, role and partner administration: the services check who may. */
export const AccountMutation = {
  issueAccount: (_: unknown, { input }: ByMember, context: MembersContext) => context.accounts.issue(input.memberId),
  reissueAccount: (_: unknown, { input }: ByMember, context: MembersContext) => context.accounts.reissue(input.memberId),
  changePassword: (_: unknown, { input }: Input<{ currentPassword: string; newPassword: string }>, context: MembersContext) =>
    context.accounts.changePassword(input),
  activateAccount: (_: unknown, { input }: Input<{ username: string; activationCode: string; password: string }>, context: MembersContext) =>
    context.accounts.activate(input),
  lockAccount: (_: unknown, { input }: ByMember, context: MembersContext) => context.accounts.lock(input.memberId),
  unlockAccount: (_: unknown, { input }: ByMember, context: MembersContext) => context.accounts.unlock(input.memberId),
  revokeAccount: (_: unknown, { input }: ByMember, context: MembersContext) => context.accounts.revoke(input.memberId),
  grantRole: (
    _: unknown,
    { input }: Input<{ memberId: string; role: Role; organizationId: string; startsOn?: string | null; endsOn?: string | null }>,
    context: MembersContext,
  ) => context.roles.grant(input),
  endRole: (_: unknown, { input }: Input<{ grantId: string; endsOn?: string | null }>, context: MembersContext) => context.roles.end(input),
  registerPartnerClient: (_: unknown, { input }: Input<{ name: string; scopes: string[] }>, context: MembersContext) =>
    context.partners.register(input),
  partnerToken: (_: unknown, { input }: Input<{ clientId: string; clientSecret: string }>, context: MembersContext) => context.partners.token(input),
  startSecondFactor: (_: unknown, _args: unknown, context: MembersContext) => context.secondFactor.start(),
  confirmSecondFactor: (_: unknown, { input }: Input<{ code: string }>, context: MembersContext) => context.secondFactor.confirm(input.code),
  disableSecondFactor: (_: unknown, { input }: Input<{ code: string }>, context: MembersContext) => context.secondFactor.disable(input.code),
  requireSecondFactor: (_: unknown, { input }: Input<{ organizationId: string; required: boolean }>, context: MembersContext) =>
    context.secondFactor.require(input),
};

export const Account = {
  member: (account: { memberId: string }, _: unknown, context: MembersContext) => context.loaders.byId.load(account.memberId),
  secondFactorEnabled: (account: { totpEnabledAt: Date | null }) => account.totpEnabledAt !== null,
};

export const RoleGrant = {
  organization: (grant: { orgId: string }) => ({ __typename: 'Organization', id: grant.orgId }),
};
