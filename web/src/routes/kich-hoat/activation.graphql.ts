import { graphql } from '#lib/graphql/generated/index.ts';

export const ActivateAccountMutation = graphql(`
  mutation ActivateAccount($input: ActivateAccountInput!) {
    activateAccount(input: $input) {
      account {
        status
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
