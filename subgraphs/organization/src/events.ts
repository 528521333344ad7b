import { defineEvents, orgPathField } from '@dangvu/subgraph-kit';
import { z } from 'zod';
import { ORG_TYPES } from './organization/organization.rules.ts';

/** The events the organization subgraph publishes, with their payloads; other subgraphs consume them. */
export const organizationEvents = defineEvents({
  /**
   * An organization moved under a new parent: its path, and with it the path of everything in its subtree,
   * changed from `oldPath` to `newPath` (which ends with its own id). Copies of paths kept elsewhere follow.
   */
  'organization.moved': z.object({ orgId: z.uuid(), oldPath: orgPathField, newPath: orgPathField }),
  /**
   * An organization was created, or its type changed (reclassified): its id, path and type now. The dues
   * subgraph keeps a copy to know which body decides a member's waiver or reduction, and who sets a region
   * (docs/decisions/0012-collection-account-by-event.md); the members subgraph, to know which grassroots
   * organization keeps a member's dossier (docs/rules/organization-tree.md#reclassifying). Published again when a
   * commune-level committee's administrative unit is set (docs/rules/organization-tree.md#administrative-unit),
   * which the members subgraph routes residence comments by; absent in events from before it existed.
   */
  'organization.typed': z.object({
    orgId: z.uuid(),
    path: orgPathField,
    type: z.enum(ORG_TYPES),
    administrativeUnitCode: z.string().regex(/^\d{5}$/).nullable().optional(),
  }),
  /**
   * The organization's dues account was set or replaced (docs/rules/bank-accounts.md): the bank's BIN, the
   * account number and holder name as stored. The dues subgraph keeps a copy to put in payment QR codes
   * (docs/decisions/0012-collection-account-by-event.md).
   */
  'organization.duesAccountSet': z.object({
    orgId: z.uuid(),
    orgPath: orgPathField,
    bankBin: z.string().regex(/^\d{6}$/),
    accountNumber: z.string().regex(/^[0-9A-Z]{6,19}$/),
    holderName: z.string().min(2).max(50),
  }),
  /**
   * An organization's roll-out setting as it now stands (docs/rules/organization-tree.md#roll-out-scope): in or
   * out, and the first day of the month it goes online (null: inherited). The subgraphs whose report
   * figures follow the exclusions keep a copy.
   */
  'organization.rolloutSet': z.object({ orgId: z.uuid(), path: orgPathField, inRolloutScope: z.boolean(), rolloutOnlineFrom: z.iso.date().nullable() }),
});

export type OrganizationEvents = typeof organizationEvents;
