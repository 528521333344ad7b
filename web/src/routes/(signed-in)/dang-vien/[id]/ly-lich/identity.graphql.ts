import { graphql } from '#lib/graphql/generated/index.ts';

export const MemberIdentityQuery = graphql(`
  query MemberIdentity($id: ID!) {
    member(id: $id) {
      id
      fullName
      gender
      birthDate
      citizenId
      membershipKind
      officialOn
      canProposeIdentityEdit
      identityEdits {
        ...IdentityEditFields
      }
    }
  }
`);

export const ProposeIdentityEditMutation = graphql(`
  mutation ProposeIdentityEdit($input: ProposeIdentityEditInput!) {
    proposeIdentityEdit(input: $input) {
      identityEdit {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
