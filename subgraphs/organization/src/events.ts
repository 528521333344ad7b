import { defineEvents, orgPathField } from '@dangvu/subgraph-kit';
import { z } from 'zod';

/** The events the organization subgraph publishes, with their payloads; other subgraphs consume them. */
export const organizationEvents = defineEvents({
  /**
   * An organization moved under a new parent: its path, and with it the path of everything in its subtree,
   * changed from `oldPath` to `newPath` (which ends with its own id). Copies of paths kept elsewhere follow.
   */
  'organization.moved': z.object({ orgId: z.uuid(), oldPath: orgPathField, newPath: orgPathField }),
  /**
   * An organization's roll-out setting as it now stands (docs/rules/organization-tree.md#roll-out-scope): in or
   * out, and the first day of the month it goes online (null: inherited). The subgraphs whose report
   * figures follow the exclusions keep a copy.
   */
  'organization.rolloutSet': z.object({ orgId: z.uuid(), path: orgPathField, inRolloutScope: z.boolean(), rolloutOnlineFrom: z.iso.date().nullable() }),
});

export type OrganizationEvents = typeof organizationEvents;
