import { graphql } from '#lib/graphql/generated/index.ts';

export const MemberResidenceQuery = graphql(`
  query MemberResidence($id: ID!) {
    member(id: $id) {
      id
      fullName
      residenceCell {
        id
        name
      }
      residenceDeclarations {
        ...ResidenceDeclarationFields
      }
      organization {
        id
        parent {
          id
          parent {
            id
            parent {
              id
            }
          }
        }
      }
    }
  }
`);

/** One level of the tree, to find the residence cell from the province down. */
export const ResidenceBrowseQuery = graphql(`
  query ResidenceBrowse($id: ID!) {
    organization(id: $id) {
      id
      name
      type
      parent {
        id
        name
      }
      children {
        id
        name
        type
      }
    }
  }
`);

export const DeclareResidenceCellMutation = graphql(`
  mutation DeclareResidenceCell($input: DeclareResidenceCellInput!) {
    declareResidenceCell(input: $input) {
      residenceDeclaration {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
