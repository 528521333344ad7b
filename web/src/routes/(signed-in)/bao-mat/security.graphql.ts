import { graphql } from '#lib/graphql/generated/index.ts';

export const SecuritySettingsQuery = graphql(`
  query SecuritySettings {
    me {
      id
      account {
        status
        secondFactorEnabled
        availableActions
      }
    }
  }
`);

export const StartSecondFactorMutation = graphql(`
  mutation StartSecondFactor {
    startSecondFactor {
      secret
      otpauthUri
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/** Confirms a pending enrolment (enable) or turns the second factor off, each with a current code. */
export const SetSecondFactorMutation = graphql(`
  mutation SetSecondFactor($input: SecondFactorCodeInput!, $confirm: Boolean!, $disable: Boolean!) {
    confirmSecondFactor(input: $input) @include(if: $confirm) {
      enabled
      userErrors {
        ...UserErrorFields
      }
    }
    disableSecondFactor(input: $input) @include(if: $disable) {
      enabled
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
