import { graphql } from '#lib/graphql/generated/index.ts';

export const MyProfileQuery = graphql(`
  query MyProfile {
    me {
      id
      ...MemberFacts
      hometown
      ethnicity
      organization {
        id
        name
        parent {
          name
        }
        officers {
          role
          fullName
        }
      }
      duesStanding {
        ...DuesStandingFields
      }
      transfers {
        kind
        state
        reason
        effectiveOn
      }
    }
  }
`);
