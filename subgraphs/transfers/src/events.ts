import { defineEvents, orgPathField } from '@dangvu/subgraph-kit';
import { z } from 'zod';

/** The events the transfers subgraph publishes, with their payloads; other subgraphs consume them. */
export const transferEvents = defineEvents({
  /** A member's official transfer completed: their official activity moves from `fromOrgId` to `toOrgId` on the day `on`. */
  'member.transferred': z.object({ memberId: z.uuid(), fromOrgId: z.uuid(), toOrgId: z.uuid(), toOrgPath: orgPathField, on: z.iso.date() }),
});

export type TransferEvents = typeof transferEvents;
