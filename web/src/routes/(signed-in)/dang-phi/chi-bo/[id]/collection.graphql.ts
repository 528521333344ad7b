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
