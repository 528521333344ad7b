import { graphql } from '#lib/graphql/generated/index.ts';

export const DuesCollectionQuery = graphql(`
  query DuesCollection($id: ID!) {
    organization(id: $id) {
      id
      name
      duesCollection {
        member {
          id
          fullName
        }
        months {
          month
          amount
          status
        }
        arrears {
          unpaidMonths
          level
        }
      }
      duesMonthCloses {
        ...DuesMonthCloseFields
      }
    }
  }
`);

export const DuesMonthCloseFields = graphql(`
  fragment DuesMonthCloseFields on DuesMonthClose {
    organization {
      id
      name
    }
    month
    obligationCount
    paidCount
    amountDue
    amountCollected
    amountKept
    amountRemitted
    remittanceRule
  }
`);

export const CloseDuesMonthMutation = graphql(`
  mutation CloseDuesMonth($input: CloseDuesMonthInput!) {
    closeDuesMonth(input: $input) {
      close {
        ...DuesMonthCloseFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const RecordCashPaymentMutation = graphql(`
  mutation RecordCashPayment($input: RecordCashPaymentInput!) {
    recordCashPayment(input: $input) {
      receipt {
        reference
        amount
        months
        receivedAt
        member {
          fullName
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
