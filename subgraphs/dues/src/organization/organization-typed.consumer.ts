import { defineConsumer } from '@dangvu/subgraph-kit';
import { organizationEvents } from '@dangvu/subgraph-organization/events';
import { duesOrganizationRepository } from './organization.repository.ts';

/**
 * Keeps the dues subgraph's copy of an organization's path and type when it is created or reclassified: the
 * type names the body that decides its members' waivers and reductions (docs/rules/dues-obligations.md#who-decides).
 */
export const duesOrganizationTypedConsumer = defineConsumer(organizationEvents, {
  name: 'dues.organization-typed',
  topics: ['organization.typed'],
  handle: async (tx, { payload: { orgId, path, type } }) => {
    await duesOrganizationRepository(tx).save({ orgId, path, type });
  },
});
