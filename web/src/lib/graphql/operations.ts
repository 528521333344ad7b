import { graphql } from './generated/index.ts';

export const LoginMutation = graphql(`
  mutation Login($username: String!, $password: String!, $totpCode: String) {
    login(username: $username, password: $password, totpCode: $totpCode) {
      token
      expiresAt
      rolesWithheld
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

export const MyOrganizationQuery = graphql(`
  query MyOrganization {
    me {
      id
      organization {
        id
      }
    }
  }
`);

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

export const SetBankAccountMutation = graphql(`
  mutation SetBankAccount($input: SetBankAccountInput!) {
    setBankAccount(input: $input) {
      bankAccount {
        accountNumber
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const OrganizationSecondFactorQuery = graphql(`
  query OrganizationSecondFactor($id: ID!) {
    organization(id: $id) {
      id
      secondFactorRequired
    }
  }
`);

export const RequireSecondFactorMutation = graphql(`
  mutation RequireSecondFactor($organizationId: ID!, $required: Boolean!) {
    requireSecondFactor(organizationId: $organizationId, required: $required) {
      required
      userErrors {
        code
        field
        message
      }
    }
  }
`);

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

export const MemberRecordQuery = graphql(`
  query MemberRecord($id: ID!) {
    member(id: $id) {
      id
      version
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
          id
          name
          parent {
            id
            name
          }
        }
      }
      account {
        username
        status
      }
      roleGrants {
        id
        role
        startsOn
        endsOn
        organization {
          id
          name
        }
      }
    }
  }
`);

export const AccountStatusMutation = graphql(`
  mutation AccountStatus($memberId: ID!, $lock: Boolean!, $unlock: Boolean!, $revoke: Boolean!) {
    lockAccount(memberId: $memberId) @include(if: $lock) {
      userErrors {
        message
      }
    }
    unlockAccount(memberId: $memberId) @include(if: $unlock) {
      userErrors {
        message
      }
    }
    revokeAccount(memberId: $memberId) @include(if: $revoke) {
      userErrors {
        message
      }
    }
  }
`);

export const GrantRoleMutation = graphql(`
  mutation GrantRole($input: GrantRoleInput!) {
    grantRole(input: $input) {
      grant {
        id
      }
      userErrors {
        field
        message
      }
    }
  }
`);

export const EndRoleMutation = graphql(`
  mutation EndRole($input: EndRoleInput!) {
    endRole(input: $input) {
      grant {
        endsOn
      }
      userErrors {
        message
      }
    }
  }
`);

export const UpdateMemberMutation = graphql(`
  mutation UpdateMember($input: UpdateMemberInput!) {
    updateMember(input: $input) {
      member {
        id
        version
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const IssueAccountMutation = graphql(`
  mutation IssueAccount($memberId: ID!) {
    issueAccount(memberId: $memberId) {
      account {
        username
      }
      activationCode
      userErrors {
        code
        message
      }
    }
  }
`);

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

export const SecuritySettingsQuery = graphql(`
  query SecuritySettings {
    me {
      id
      account {
        status
        secondFactorEnabled
      }
    }
  }
`);

export const StartSecondFactorMutation = graphql(`
  mutation StartSecondFactor {
    startSecondFactor {
      secret
      otpauthUri
      userErrors {
        code
        field
        message
      }
    }
  }
`);

/** Confirms a pending enrolment (enable) or turns the second factor off, each with a current code. */
export const SetSecondFactorMutation = graphql(`
  mutation SetSecondFactor($code: String!, $confirm: Boolean!, $disable: Boolean!) {
    confirmSecondFactor(code: $code) @include(if: $confirm) {
      enabled
      userErrors {
        code
        field
        message
      }
    }
    disableSecondFactor(code: $code) @include(if: $disable) {
      enabled
      userErrors {
        code
        field
        message
      }
    }
  }
`);
