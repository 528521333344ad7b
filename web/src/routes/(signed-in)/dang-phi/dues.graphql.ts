import { graphql } from '#lib/graphql/generated/index.ts';

export const MyDuesQuery = graphql(`
  query MyDues {
    me {
      id
      fullName
      duesStanding {
        ...DuesStandingFields
      }
      duesMonths {
        month
        amount
        ratedAmount
        status
        calculation
      }
    }
  }
`);
