import { graphql } from '#lib/graphql/generated/index.ts';

export const OrganizationPageQuery = graphql(`
  query OrganizationPage($id: ID!) {
    organization(id: $id) {
      id
      name
      type
      inRolloutScope
      parent {
        id
        name
      }
      children {
        id
        name
        type
        inRolloutScope
      }
      officers {
        role
        fullName
      }
      bankAccount {
        bank {
          bin
          shortName
          name
        }
        accountNumber
        holderName
        updatedAt
      }
    }
    banks {
      bin
      shortName
      name
    }
  }
`);

/** The organization's members: for its officers and those above. */
export const OrganizationMembersQuery = graphql(`
  query OrganizationMembers($id: ID!) {
    organization(id: $id) {
      id
      members {
        id
        fullName
        rosterNumber
        membershipKind
        activityStatus
      }
    }
  }
`);

/** Whether its role holders must sign in with a second factor: for the administrators over it. */
export const OrganizationSecondFactorQuery = graphql(`
  query OrganizationSecondFactor($id: ID!) {
    organization(id: $id) {
      id
      secondFactorRequired
    }
  }
`);

export const SetBankAccountMutation = graphql(`
  mutation SetBankAccount($input: SetBankAccountInput!) {
    setBankAccount(input: $input) {
      bankAccount {
        accountNumber
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const RequireSecondFactorMutation = graphql(`
  mutation RequireSecondFactor($input: RequireSecondFactorInput!) {
    requireSecondFactor(input: $input) {
      required
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
