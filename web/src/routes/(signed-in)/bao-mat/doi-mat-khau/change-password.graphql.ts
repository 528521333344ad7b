import { graphql } from '#lib/graphql/generated/index.ts';

export const ChangePasswordMutation = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      account {
        status
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
