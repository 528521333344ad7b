import { tables } from '@dangvu/drizzle';
import { defineConsumer } from '@dangvu/subgraph-kit';
import { organizationEvents } from '@dangvu/subgraph-organization/events';

const { organizationKinds } = tables;

/**
 * The register's copy of each organization's kind, by which it finds the grassroots organization that keeps a
 * member's dossier (docs/rules/member-register.md#identity-edits), and the commune committee serving each
 * administrative unit, to which residence comments are routed (docs/rules/residence-comments.md). Applying the same
 * event twice changes nothing.
 */
export const organizationTypedConsumer = defineConsumer(organizationEvents, {
  name: 'members.organization-typed',
  topics: ['organization.typed'],
  async handle(tx, { payload: { orgId, path, type, administrativeUnitCode = null } }) {
    await tx
      .insert(organizationKinds)
      .values({ orgId, orgPath: path, type, administrativeUnitCode })
      .onConflictDoUpdate({ target: organizationKinds.orgId, set: { orgPath: path, type, administrativeUnitCode } });
  },
});
