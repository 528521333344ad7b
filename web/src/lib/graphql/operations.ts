import { graphql } from './generated/index.ts';

export const LoginMutation = graphql(`
  mutation Login($username: String!, $password: String!) {
    login(username: $username, password: $password) {
      token
      expiresAt
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const MyProfileQuery = graphql(`
  query MyProfile {
    me {
      id
      fullName
      gender
      birthDate
      citizenId
      phone
      residenceAddress
      hometown
      ethnicity
      workplace
      position
      joinedOn
      officialOn
      cardNumber
      membershipKind
      activityStatus
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
        paidThrough
        unpaidMonths
        amountOwed
        currentMonthlyAmount
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
