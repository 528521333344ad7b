import { graphql } from '#lib/graphql/generated/index.ts';

export const RefreshSessionMutation = graphql(`
  mutation RefreshSession($input: RefreshSessionInput!) {
    refreshSession(input: $input) {
      token
      expiresAt
      refreshToken
      refreshExpiresAt
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const LogoutMutation = graphql(`
  mutation Logout($input: LogoutInput!) {
    logout(input: $input) {
      ended
    }
  }
`);
