import { graphql } from '#lib/graphql/generated/index.ts';

export const MyDuesQuery = graphql(`
  query MyDues {
    me {
      id
      fullName
      duesStanding {
        ...DuesStandingFields
      }
      duesMonths {
        month
        amount
        ratedAmount
        status
        calculation
      }
      duesReceipts {
        id
        reference
        amount
        months
        method
        receivedAt
      }
    }
  }
`);

export const ReceiptPdfQuery = graphql(`
  query DuesReceiptPdf($id: ID!) {
    duesReceipt(id: $id) {
      reference
      pdf
    }
  }
`);

export const PreparePaymentMutation = graphql(`
  mutation PreparePayment($input: PreparePaymentInput!) {
    preparePayment(input: $input) {
      payment {
        code
        amount
        memo
        qrPayload
        months
        accountNumber
        holderName
        collectedBy {
          name
          bankAccount {
            bank {
              shortName
              name
            }
          }
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
