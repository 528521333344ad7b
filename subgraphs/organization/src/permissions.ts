import { hasAnyRole, isAuthenticated, isPerson } from '@dangvu/subgraph-kit';
import { allow, and } from 'graphql-shield';

/**
 * The tree itself (names, kinds, parents, history) is not personal data: anyone signed in, person or partner,
 * may read it, and an organization's dues account is what its members pay into. Mutations need a role that
 * can do them somewhere; the service then checks that the role reaches the organization concerned.
 */
export const rules = {
  Query: { organization: isAuthenticated, organizationRoots: isAuthenticated, banks: isAuthenticated },
  Mutation: {
    createOrganization: and(isPerson, hasAnyRole(['ADMIN', 'SECRETARY'])),
    renameOrganization: and(isPerson, hasAnyRole(['ADMIN', 'SECRETARY'])),
    moveOrganization: and(isPerson, hasAnyRole(['ADMIN', 'SECRETARY'])),
    dissolveOrganization: and(isPerson, hasAnyRole(['ADMIN', 'SECRETARY'])),
    setRolloutScope: and(isPerson, hasAnyRole(['ADMIN', 'SECRETARY'])),
    setBankAccount: and(isPerson, hasAnyRole(['SECRETARY', 'FINANCE_MEMBER'])),
  },
  Organization: isAuthenticated,
  OrganizationVersion: isAuthenticated,
  Bank: isAuthenticated,
  BankAccount: isAuthenticated,
  // Reached only as the answer to a mutation its rule allowed.
  OrganizationPayload: allow,
  BankAccountPayload: allow,
  UserError: allow,
};
