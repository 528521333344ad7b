import { graphql } from '#lib/graphql/generated/index.ts';

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
      residenceCell {
        id
        name
      }
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
