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
      canRecognize
      joinedOn
      recognition {
        officialOn
        decidedOn
        decisionReference
        attachmentName
        decidedBy {
          fullName
        }
      }
      identityEdits {
        ...IdentityEditFields
      }
    }
  }
`);

export const RecognizeOfficialMemberMutation = graphql(`
  mutation RecognizeOfficialMember($input: RecognizeOfficialMemberInput!) {
    recognizeOfficialMember(input: $input) {
      member {
        id
      }
      userErrors {
        ...UserErrorFields
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
