import { graphql } from '#lib/graphql/generated/index.ts';

export const ClassificationQuery = graphql(`
  query OrganizationClassification($id: ID!) {
    organization(id: $id) {
      id
      name
      type
      classifiedOn
      administrativeUnitCode
      accountEligible
      bankAccount {
        accountNumber
      }
      bankAccountCoverage {
        eligible
        covered
      }
      sizeWarnings {
        code
        message
      }
      rollout {
        inScope
        excludedBy {
          id
          name
        }
        onlineFrom
        onlineFromSetOn {
          id
          name
        }
      }
      parent {
        id
        name
        type
        children {
          id
          name
          type
        }
      }
      viewerCan {
        shapeTree
        setRolloutScope
      }
    }
  }
`);

export const ReclassifyMutation = graphql(`
  mutation ReclassifyOrganization($input: ReclassifyOrganizationInput!) {
    reclassifyOrganization(input: $input) {
      organization {
        id
        type
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const SetRolloutStageMutation = graphql(`
  mutation SetRolloutStage($input: SetRolloutStageInput!) {
    setRolloutStage(input: $input) {
      organization {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const ConfirmTypeMutation = graphql(`
  mutation ConfirmOrganizationType($input: ConfirmOrganizationTypeInput!) {
    confirmOrganizationType(input: $input) {
      organization {
        id
        classifiedOn
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const SetAdministrativeUnitMutation = graphql(`
  mutation SetAdministrativeUnit($input: SetAdministrativeUnitInput!) {
    setAdministrativeUnit(input: $input) {
      organization {
        id
        administrativeUnitCode
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
