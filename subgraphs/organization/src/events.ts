import { defineEvents, orgPathField } from '@dangvu/subgraph-kit';
import { z } from 'zod';

/** The events the organization subgraph publishes, with their payloads; other subgraphs consume them. */
export const organizationEvents = defineEvents({
  /**
   * An organization moved under a new parent: its path, and with it the path of everything in its subtree,
   * changed from `oldPath` to `newPath` (which ends with its own id). Copies of paths kept elsewhere follow.
   */
  'organization.moved': z.object({ orgId: z.uuid(), oldPath: orgPathField, newPath: orgPathField }),
  /** An organization was created or given another kind (docs/rules/organization-tree.md#reclassifying); `path` is where it stands after. */
  'organization.classified': z.object({ orgId: z.uuid(), path: orgPathField, type: z.string() }),
});

export type OrganizationEvents = typeof organizationEvents;
