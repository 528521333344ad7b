import { graphql } from '#lib/graphql/generated/index.ts';

export const CommentRequestQuery = graphql(`
  query CommentRequest($id: ID!) {
    residenceComment(id: $id) {
      ...CommentRequestFields
      version
      purposeNote
      cancelReason
      availableActions
      outsideRecipient {
        name
        address
      }
      campaign {
        year
      }
      comment {
        sequence
        overall
        supersedeReason
        givenByName
        givenAt
        paperReceivedOn
        scanFileName
        hash
        signatureValid
        duties {
          duty
          label
          assessment
          remark
        }
      }
    }
    organizationRoots {
      id
      children {
        id
        name
      }
    }
  }
`);

/** The cells a commune committee may give a request to. */
export const CommuneCellsQuery = graphql(`
  query CommuneCells($id: ID!) {
    organization(id: $id) {
      id
      children {
        id
        name
      }
    }
  }
`);


export const AnswerMutation = graphql(`
  mutation AnswerResidenceComment($input: AnswerResidenceCommentInput!) {
    answerResidenceComment(input: $input) {
      request {
        id
        state
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const RouteMutation = graphql(`
  mutation RouteResidenceComment($input: RouteResidenceCommentToCommuneInput!) {
    routeResidenceCommentToCommune(input: $input) {
      request {
        id
        state
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const AssignMutation = graphql(`
  mutation AssignResidenceCommentCell($input: AssignResidenceCommentCellInput!) {
    assignResidenceCommentCell(input: $input) {
      request {
        id
        state
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const PaperMutation = graphql(`
  mutation SendResidenceCommentOnPaper($input: SendResidenceCommentOnPaperInput!) {
    sendResidenceCommentOnPaper(input: $input) {
      request {
        id
        state
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const RecordPaperMutation = graphql(`
  mutation RecordPaperResidenceComment($input: RecordPaperResidenceCommentInput!) {
    recordPaperResidenceComment(input: $input) {
      request {
        id
        state
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const CancelMutation = graphql(`
  mutation CancelResidenceComment($input: CancelResidenceCommentInput!) {
    cancelResidenceComment(input: $input) {
      request {
        id
        state
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const PaperRequestPdfQuery = graphql(`
  query PaperRequestPdf($id: ID!) {
    residenceComment(id: $id) {
      id
      requestedBy {
        id
        paperCommentRequest(requestId: $id)
      }
    }
  }
`);
