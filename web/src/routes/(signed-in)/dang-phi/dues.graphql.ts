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
      duesShareLinks {
        id
        months
        amount
        state
        expiresAt
        opens
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

export const CreateShareLinkMutation = graphql(`
  mutation CreateDuesShareLink($input: CreateDuesShareLinkInput!) {
    createDuesShareLink(input: $input) {
      token
      link {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const RevokeShareLinkMutation = graphql(`
  mutation RevokeDuesShareLink($input: RevokeDuesShareLinkInput!) {
    revokeDuesShareLink(input: $input) {
      link {
        id
        state
      }
      userErrors {
        ...UserErrorFields
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
