import { graphql } from '#lib/graphql/generated/index.ts';

export const DuesRemittanceFields = graphql(`
  fragment DuesRemittanceFields on DuesRemittance {
    id
    organization {
      id
      name
    }
    month
    state
    amount
    amountFromClose
    amountFromAdjustments
    transferReference
    transferredOn
    submittedAt
    rejectionReason
    viewerCanDecide
  }
`);

export const DuesRemittanceQuery = graphql(`
  query DuesRemittance($id: ID!, $month: YearMonth!) {
    organization(id: $id) {
      id
      name
      duesMonthCloses(month: $month) {
        organization {
          id
        }
        month
        amountCollected
        amountKept
        amountRemitted
        amountAdjusted
        remittanceRule
        adjustments {
          id
          kind
          amount
          amountRemitted
          reason
          carried
        }
        remittance {
          ...DuesRemittanceFields
        }
      }
      duesRemittancesReceived {
        ...DuesRemittanceFields
      }
    }
  }
`);

export const SubmitDuesRemittanceMutation = graphql(`
  mutation SubmitDuesRemittance($input: SubmitDuesRemittanceInput!) {
    submitDuesRemittance(input: $input) {
      remittance {
        ...DuesRemittanceFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const ConfirmDuesRemittanceMutation = graphql(`
  mutation ConfirmDuesRemittance($input: ConfirmDuesRemittanceInput!) {
    confirmDuesRemittance(input: $input) {
      remittance {
        ...DuesRemittanceFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const RejectDuesRemittanceMutation = graphql(`
  mutation RejectDuesRemittance($input: RejectDuesRemittanceInput!) {
    rejectDuesRemittance(input: $input) {
      remittance {
        ...DuesRemittanceFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const RecordDuesAdjustmentMutation = graphql(`
  mutation RecordDuesAdjustment($input: RecordDuesAdjustmentInput!) {
    recordDuesAdjustment(input: $input) {
      adjustment {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
