import { graphql } from '#lib/graphql/generated/index.ts';

export const MemberSearchQuery = graphql(`
  query MemberSearch($filter: MemberFilter, $first: Int, $after: String) {
    members(filter: $filter, first: $first, after: $after) {
      edges {
        node {
          id
          fullName
          membershipKind
          activityStatus
          cardNumber
          organization {
            id
            name
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/**
 * A namesake's year of birth, asked only for members whose names repeat on the page: a birth date is
 * personal data, each read recorded, and null with FORBIDDEN for a viewer who may not read it.
 */
export const MemberBirthQuery = graphql(`
  query MemberBirth($id: ID!) {
    member(id: $id) {
      id
      birthDate
    }
  }
`);
