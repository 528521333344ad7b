import { graphql } from '#lib/graphql/generated/index.ts';

export const DuesDecisionsQuery = graphql(`
  query DuesDecisions($id: ID!) {
    organization(id: $id) {
      id
      name
      duesWageRegion
      duesCollection {
        member {
          id
          fullName
        }
      }
      duesVoluntaryAmounts {
        id
        member {
          id
          fullName
        }
        organization {
          id
          name
        }
        amount
        fromMonth
        request
        state
        decisionNote
        viewerCanDecide
      }
    }
  }
`);

export const DecideDuesReliefMutation = graphql(`
  mutation DecideDuesRelief($input: DecideDuesReliefInput!) {
    decideDuesRelief(input: $input) {
      decision {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const SetWageRegionMutation = graphql(`
  mutation SetWageRegion($input: SetWageRegionInput!) {
    setWageRegion(input: $input) {
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const ProposeVoluntaryDuesMutation = graphql(`
  mutation ProposeVoluntaryDues($input: ProposeVoluntaryDuesInput!) {
    proposeVoluntaryDues(input: $input) {
      voluntaryAmount {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const DecideVoluntaryDuesMutation = graphql(`
  mutation DecideVoluntaryDues($input: DecideVoluntaryDuesInput!) {
    decideVoluntaryDues(input: $input) {
      voluntaryAmount {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
