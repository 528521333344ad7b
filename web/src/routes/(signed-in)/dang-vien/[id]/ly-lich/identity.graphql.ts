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
      canProposeRecognition
      canRecognize
      joinedOn
      recognition {
        state
        resolutionOn
        resolutionReference
        officialOn
        decidedOn
        decisionReference
        attachmentName
        rejectionReason
        proposedBy {
          fullName
        }
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

export const ProposeOfficialRecognitionMutation = graphql(`
  mutation ProposeOfficialRecognition($input: ProposeOfficialRecognitionInput!) {
    proposeOfficialRecognition(input: $input) {
      recognition {
        state
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const RecognizeOfficialMemberMutation = graphql(`
  mutation RecognizeOfficialMember($input: RecognizeOfficialMemberInput!) {
    recognizeOfficialMember(input: $input) {
      recognition {
        state
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const RejectOfficialRecognitionMutation = graphql(`
  mutation RejectOfficialRecognition($input: RejectOfficialRecognitionInput!) {
    rejectOfficialRecognition(input: $input) {
      recognition {
        state
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
