import { hasRoleOver, isSelf } from '@dangvu/subgraph-kit';
import { allow, or } from 'graphql-shield';

type MemberReference = { id: string; orgPath?: string };

export const rules = {
  Member: {
    id: allow,
    orgPath: allow,
    transfers: or(
      isSelf((member) => (member as MemberReference).id),
      hasRoleOver((member) => (member as MemberReference).orgPath, ['SECRETARY', 'DEPUTY_SECRETARY', 'ADMIN']),
    ),
  },
  // Reached only through Member.transfers; Organization here is a reference the organization subgraph resolves.
  Transfer: allow,
  Organization: allow,
};
