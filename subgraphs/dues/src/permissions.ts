import { hasRoleOver, isSelf } from '@dangvu/subgraph-kit';
import { allow, or } from 'graphql-shield';

type MemberReference = { id: string; orgPath?: string };

export const rules = {
  Member: {
    id: allow,
    orgPath: allow,
    duesStanding: or(
      isSelf((member) => (member as MemberReference).id),
      hasRoleOver((member) => (member as MemberReference).orgPath, ['SECRETARY', 'DEPUTY_SECRETARY', 'FINANCE_MEMBER', 'ADMIN']),
    ),
  },
  // Reached only through Member.duesStanding.
  DuesStanding: allow,
};
