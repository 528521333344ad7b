import { graphql } from '#lib/graphql/generated/index.ts';

/** The organization and its members, to mark the exempt ones before opening. */
export const CampaignFormQuery = graphql(`
  query CampaignForm($id: ID!) {
    organization(id: $id) {
      id
      name
      members {
        id
        fullName
        activityStatus
      }
    }
  }
`);

export const OpenCampaignMutation = graphql(`
  mutation OpenCommentCampaign($input: OpenCommentCampaignInput!) {
    openCommentCampaign(input: $input) {
      campaign {
        id
        year
        requests {
          id
        }
        exemptions {
          reason
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
