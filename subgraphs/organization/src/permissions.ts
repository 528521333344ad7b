import { isAuthenticated } from '@dangvu/subgraph-kit';

/**
 * The tree itself (names, kinds, parents) is not personal data: anyone signed in, person or partner, may read it.
 * Writes arrive with the organization-management issue, each with its own role rule.
 */
export const rules = {
  Query: { organization: isAuthenticated, organizationRoots: isAuthenticated },
  Organization: isAuthenticated,
};
