import { graphql } from '#lib/graphql/generated/index.ts';

export const ResidenceQueueQuery = graphql(`
  query ResidenceQueue($id: ID!) {
    organization(id: $id) {
      id
      name
      pendingResidenceDeclarations {
        ...ResidenceDeclarationFields
      }
    }
  }
`);
