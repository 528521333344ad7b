import { isSelfOrRoleOverMember } from '@dangvu/subgraph-kit';
import { allow } from 'graphql-shield';

export const rules = {
  Member: {
    id: allow,
    orgPath: allow,
    duesStanding: isSelfOrRoleOverMember(['SECRETARY', 'DEPUTY_SECRETARY', 'FINANCE_MEMBER', 'ADMIN']),
  },
  // Reached only through Member.duesStanding.
  DuesStanding: allow,
};
