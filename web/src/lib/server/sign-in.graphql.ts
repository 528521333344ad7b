import { graphql } from '#lib/graphql/generated/index.ts';

export const LoginMutation = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      token
      expiresAt
      refreshToken
      refreshExpiresAt
      rolesWithheld
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
