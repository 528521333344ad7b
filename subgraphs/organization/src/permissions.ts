import { hasAnyRole, isPartner, isPerson } from '@dangvu/subgraph-kit';
import { allow, and, or } from 'graphql-shield';

/**
 * The tree itself (names, kinds, parents, history) is not personal data: any signed-in person may read it, and
 * a partner system granted `organizations:read`; an organization's dues account is what its members pay into.
 * Mutations need a role that can do them somewhere; the service then checks that the role reaches the
 * organization concerned.
 */
const readsTree = or(isPerson, isPartner('organizations:read'));

export const rules = {
  Query: { organization: readsTree, organizationRoots: readsTree, banks: readsTree },
  Mutation: {
    createOrganization: and(isPerson, hasAnyRole(['ADMIN', 'SECRETARY'])),
    renameOrganization: and(isPerson, hasAnyRole(['ADMIN', 'SECRETARY'])),
    moveOrganization: and(isPerson, hasAnyRole(['ADMIN', 'SECRETARY'])),
    dissolveOrganization: and(isPerson, hasAnyRole(['ADMIN', 'SECRETARY'])),
    setRolloutScope: and(isPerson, hasAnyRole(['ADMIN', 'SECRETARY'])),
    setBankAccount: and(isPerson, hasAnyRole(['SECRETARY', 'FINANCE_MEMBER'])),
  },
  Organization: readsTree,
  OrganizationVersion: readsTree,
  Bank: readsTree,
  BankAccount: readsTree,
  // Reached only as the answer to a mutation its rule allowed.
  OrganizationPayload: allow,
  BankAccountPayload: allow,
  UserError: allow,
};
