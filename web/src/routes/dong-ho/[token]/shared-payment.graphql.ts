import { graphql } from '#lib/graphql/generated/index.ts';

export const SharedPaymentQuery = graphql(`
  query SharedDuesPayment($token: String!) {
    duesSharedPayment(token: $token) {
      state
      expiresAt
      payment {
        amount
        months
        bankBin
        accountNumber
        holderName
        memo
        qrPayload
      }
    }
  }
`);
