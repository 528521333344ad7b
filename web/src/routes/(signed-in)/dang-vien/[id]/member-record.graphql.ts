import { graphql } from '#lib/graphql/generated/index.ts';

export const MemberRecordQuery = graphql(`
  query MemberRecord($id: ID!, $withDues: Boolean!) {
    member(id: $id) {
      id
      version
      ...MemberFacts
      duesStanding @include(if: $withDues) {
        ...DuesStandingFields
      }
      organization {
        id
        name
      }
      account {
        username
        status
        availableActions
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
        viewerCan {
          end
        }
      }
      viewerCan {
        seePersonalData
        editRecord
        issueAccount
        grantRole
      }
      grantableRoles
      viewerMayStartTransferFor
      grantableOrganizations {
        id
        name
      }
    }
  }
`);

/** Locks, unlocks or revokes the member's account: exactly one of the three flags is true. */
export const AccountStatusMutation = graphql(`
  mutation AccountStatus($input: AccountTargetInput!, $lock: Boolean!, $unlock: Boolean!, $revoke: Boolean!) {
    lockAccount(input: $input) @include(if: $lock) {
      userErrors {
        ...UserErrorFields
      }
    }
    unlockAccount(input: $input) @include(if: $unlock) {
      userErrors {
        ...UserErrorFields
      }
    }
    revokeAccount(input: $input) @include(if: $revoke) {
      userErrors {
        ...UserErrorFields
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
        ...UserErrorFields
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
        ...UserErrorFields
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
        ...UserErrorFields
      }
    }
  }
`);

/** Issues an account, or a new one-time code for it (reissue): exactly one of the two flags is true. */
export const IssueCodeMutation = graphql(`
  mutation IssueCode($input: AccountTargetInput!, $issue: Boolean!, $reissue: Boolean!) {
    issueAccount(input: $input) @include(if: $issue) {
      ...IssuedCode
    }
    reissueAccount(input: $input) @include(if: $reissue) {
      ...IssuedCode
    }
  }

  # The one-time code either hands out, for the member's slip.
  fragment IssuedCode on IssueAccountPayload {
    account {
      username
    }
    activationCode
    activationExpiresAt
    userErrors {
      ...UserErrorFields
    }
  }
`);
