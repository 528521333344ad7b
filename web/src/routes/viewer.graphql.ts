import { graphql } from '#lib/graphql/generated/index.ts';

/** Who is signed in and what the menus may offer them: asked once per page load by the root layout. */
export const ViewerQuery = graphql(`
  query Viewer {
    me {
      id
      fullName
      organization {
        id
        name
      }
      roleGrants {
        role
        startsOn
        endsOn
        organization {
          id
        }
      }
    }
    viewerCan {
      searchMembers
      homeOrganizations {
        id
        name
      }
    }
  }
`);
