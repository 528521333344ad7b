import type { MembersContext } from '../context.ts';
import type { MemberRow } from '../member/member.repository.ts';

export const Member = {
  __resolveReference: (reference: { id: string }, context: MembersContext) => context.loaders.byId.load(reference.id),
  organization: (member: MemberRow) => ({ __typename: 'Organization', id: member.orgId }),
};
