import { graphql } from '#lib/graphql/generated/index.ts';

export const MemberStatusQuery = graphql(`
  query MemberStatus($id: ID!) {
    member(id: $id) {
      id
      fullName
      activityStatus
      startableStatusChanges
      statusChanges {
        id
        kind
        state
        toStatus
        reason
        appliedAt
        decidedOn
        decisionReference
        attachmentName
        decidedBy {
          id
          fullName
        }
        reportedOn
        viewerActions
      }
    }
  }
`);

export const ApplyForStatusChangeMutation = graphql(`
  mutation ApplyForStatusChange($input: ApplyForStatusChangeInput!) {
    applyForStatusChange(input: $input) {
      statusChange {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const ResolveStatusChangeMutation = graphql(`
  mutation ResolveStatusChange($input: ResolveStatusChangeInput!) {
    resolveStatusChange(input: $input) {
      statusChange {
        id
        state
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const ReportStatusChangeMutation = graphql(`
  mutation ReportStatusChange($input: ReportStatusChangeInput!) {
    reportStatusChange(input: $input) {
      statusChange {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const WithdrawStatusChangeMutation = graphql(`
  mutation WithdrawStatusChange($input: WithdrawStatusChangeInput!) {
    withdrawStatusChange(input: $input) {
      statusChange {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const DecideMemberStatusMutation = graphql(`
  mutation DecideMemberStatus($input: DecideMemberStatusInput!) {
    decideMemberStatus(input: $input) {
      statusChange {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
