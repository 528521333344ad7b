import { graphql } from '#lib/graphql/generated/index.ts';

export const CommentRequestFields = graphql(`
  fragment CommentRequestFields on ResidenceComment {
    id
    state
    purpose
    dueOn
    remindedOn
    overdue
    answeredAt
    memberName
    requestedBy {
      id
      name
    }
    residenceCell {
      id
      name
    }
    commune {
      id
      name
    }
  }
`);

/** The viewer's own requests, and where their roles are. */
export const CommentsHomeQuery = graphql(`
  query CommentsHome {
    me {
      id
      residenceComments {
        ...CommentRequestFields
      }
    }
    viewerCan {
      homeOrganizations {
        id
        name
      }
    }
  }
`);

/** One organization's side of the procedure; each part answers null with FORBIDDEN to a viewer who may not read it. */
export const OrganizationCommentsQuery = graphql(`
  query OrganizationComments($id: ID!) {
    organization(id: $id) {
      id
      name
      commentInbox {
        ...CommentRequestFields
      }
      commentRequests {
        ...CommentRequestFields
      }
      commentCampaigns {
        id
        year
        dueOn
      }
      commentCounts {
        requested
        answered
        open
        overdue
      }
    }
  }
`);
