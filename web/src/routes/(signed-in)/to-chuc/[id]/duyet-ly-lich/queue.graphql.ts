import { graphql } from '#lib/graphql/generated/index.ts';

export const IdentityEditQueueQuery = graphql(`
  query IdentityEditQueue($id: ID!) {
    organization(id: $id) {
      id
      name
      pendingIdentityEdits {
        ...IdentityEditFields
        member {
          id
          fullName
        }
      }
    }
  }
`);
