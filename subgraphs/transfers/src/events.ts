import { defineEvents, orgPathField } from '@dangvu/subgraph-kit';
import { z } from 'zod';

const day = z.iso.date();

/**
 * The events the transfers subgraph publishes, with their payloads; other subgraphs consume them. Each is
 * written in the transaction of the dossier's last step (docs/rules/transfers.md#what-completion-changes).
 */
export const transferEvents = defineEvents({
  /**
   * A member's official transfer completed: their official activity moves from `fromOrgId` to `toOrgId` on the
   * day `on`. `transferId` names the dossier; `rosterNumber` is the number the receiving cell gave them, when it
   * gave one. Dues accrue at the new organization from the month after `on`.
   */
  'member.transferred': z.object({
    memberId: z.uuid(),
    fromOrgId: z.uuid(),
    toOrgId: z.uuid(),
    toOrgPath: orgPathField,
    on: day,
    transferId: z.uuid().optional(),
    rosterNumber: z.number().int().positive().nullable().optional(),
  }),
  /**
   * An official transfer to an organization outside the system completed: the organization there confirmed it
   * received the member (its return slip) on `on`. The member leaves the register here (TRANSFERRED_OUT).
   */
  'member.transferredOut': z.object({
    transferId: z.uuid(),
    memberId: z.uuid(),
    fromOrgId: z.uuid(),
    destinationName: z.string(),
    destinationAddress: z.string(),
    on: day,
  }),
  /**
   * Where a member has temporary activity changed: hosted by `host` until its `until` day (on acceptance, and
   * again on each extension), or nowhere any more (`host` null, the temporary activity ended on `on`). The home
   * organization `homeOrgId` keeps the member throughout; the host does not count them in its total.
   */
  'member.temporaryHostChanged': z.object({
    transferId: z.uuid(),
    memberId: z.uuid(),
    homeOrgId: z.uuid(),
    host: z.object({ orgId: z.uuid(), orgPath: orgPathField, until: day }).nullable(),
    on: day,
  }),
});

export type TransferEvents = typeof transferEvents;
