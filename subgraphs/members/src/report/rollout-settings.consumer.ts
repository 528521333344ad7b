import { tables } from '@dangvu/drizzle';
import { defineConsumer } from '@dangvu/subgraph-kit';
import { organizationEvents } from '@dangvu/subgraph-organization/events';
import { eq } from 'drizzle-orm';

const { rolloutSettings } = tables;

/**
 * Keeps the copy of the organizations' roll-out settings that the members' figures read for their denominators
 * (docs/rules/reports.md#who-counts): a setting back to the default (in scope, no month) leaves no row.
 */
export const rolloutSettingsConsumer = defineConsumer(organizationEvents, {
  name: 'members.rollout-settings',
  topics: ['organization.rolloutSet'],
  async handle(tx, { payload: { orgId, path, inRolloutScope, rolloutOnlineFrom } }) {
    if (inRolloutScope && rolloutOnlineFrom === null) {
      await tx.delete(rolloutSettings).where(eq(rolloutSettings.orgId, orgId));
      return;
    }
    const setting = { orgPath: path, inRolloutScope, rolloutOnlineFrom };
    await tx.insert(rolloutSettings).values({ orgId, ...setting }).onConflictDoUpdate({ target: rolloutSettings.orgId, set: setting });
  },
});
