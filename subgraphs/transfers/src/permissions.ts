import { isSelfOrRoleOverMember } from '@dangvu/subgraph-kit';
import { allow } from 'graphql-shield';

export const rules = {
  Member: {
    id: allow,
    orgPath: allow,
    transfers: isSelfOrRoleOverMember(['SECRETARY', 'DEPUTY_SECRETARY', 'ADMIN']),
  },
  // Reached only through Member.transfers; Organization here is a reference the organization subgraph resolves.
  Transfer: allow,
  Organization: allow,
};
