import { z } from 'zod';
import { defineEvents } from './events.ts';

/**
 * The events the members subgraph publishes, with their payloads. They live in the kit, not in the members
 * package, because the members package already depends on the dues package (for its rate rules): the dues
 * subgraph could not import a registry of the members package without a cycle between the two.
 */
export const memberEvents = defineEvents({
  /**
   * A member's temporary exemption from party activity (tạm miễn sinh hoạt đảng) began or ended by the cell's
   * resolution of `statusChangeId`, decided on `on`: `exempt` true when it began, false when the member left
   * TEMP_EXEMPT (back to activity, or to any other status). The dues subgraph defers the exemption's months
   * (docs/rules/dues-obligations.md#temporary-exemption).
   */
  'member.temporaryExemptionChanged': z.object({
    memberId: z.uuid(),
    statusChangeId: z.uuid(),
    exempt: z.boolean(),
    on: z.iso.date(),
  }),
});

export type MemberEvents = typeof memberEvents;
