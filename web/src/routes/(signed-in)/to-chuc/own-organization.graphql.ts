import { graphql } from '#lib/graphql/generated/index.ts';

export const MyOrganizationQuery = graphql(`
  query MyOrganization {
    me {
      id
      organization {
        id
      }
    }
  }
`);
