import { defineConsumer } from '@dangvu/subgraph-kit';
import { organizationEvents } from '@dangvu/subgraph-organization/events';
import { obligationRepository } from './obligation.repository.ts';

/** When an organization moves, the copies of its path (the roll's, for subtree checks; the collection accounts') move with its whole subtree. */
export const duesOrganizationMovedConsumer = defineConsumer(organizationEvents, {
  name: 'dues.organization-moved',
  topics: ['organization.moved'],
  handle: (tx, { payload: { oldPath, newPath } }) => obligationRepository(tx).movePaths(oldPath, newPath),
});
