import type { TemporaryMemberResolvers } from '../generated/resolvers.ts';

/** A hosted member: the row is theirs, and only carries a host while the temporary activity lasts. */
export const TemporaryMember: TemporaryMemberResolvers = {
  homeOrganization: (member) => ({ id: member.orgId }),
  until: (member) => member.temporaryHostUntil!,
};
