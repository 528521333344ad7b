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
      viewerCan {
        listMembers
        requireSecondFactor
        setDuesAccount
        seeIdentityEdits
        confirmResidences
        seeMonthlyReports
        importRegister
      }
    }
    banks {
      bin
      shortName
      name
    }
  }
`);

/**
 * The parts of the page only some may read, asked for once viewerCan says the visitor may: a page of the
 * member list, with each member's dues standing and dossiers when the visitor may read those too.
 */
export const OrganizationRestrictedQuery = graphql(`
  query OrganizationRestricted(
    $id: ID!
    $members: Boolean!
    $secondFactor: Boolean!
    $dues: Boolean!
    $dossiers: Boolean!
    $filter: OrganizationMemberFilter
    $order: OrganizationMemberOrder
    $first: Int
    $after: String
  ) {
    organization(id: $id) {
      id
      memberList(filter: $filter, order: $order, first: $first, after: $after) @include(if: $members) {
        totalCount
        edges {
          node {
            id
            fullName
            rosterNumber
            membershipKind
            activityStatus
            duesStanding @include(if: $dues) {
              ...DuesStandingFields
            }
            transfers @include(if: $dossiers) {
              id
              kind
              state
            }
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
      temporaryMembers @include(if: $members) {
        fullName
        until
        homeOrganization {
          id
          name
        }
      }
      secondFactorRequired @include(if: $secondFactor)
    }
  }
`);

/** The readiness panel, for those who read the organization's reports (docs/rules/reports.md#readiness). */
export const OrganizationReadinessQuery = graphql(`
  query OrganizationReadiness($id: ID!, $month: YearMonth!) {
    organization(id: $id) {
      id
      ...ReadinessFields
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
