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
