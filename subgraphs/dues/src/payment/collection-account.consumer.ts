import { defineConsumer } from '@dangvu/subgraph-kit';
import { organizationEvents } from '@dangvu/subgraph-organization/events';
import { qrPaymentRepository } from './qr-payment.repository.ts';

/**
 * Keeps the dues subgraph's copy of an organization's dues account, which its payment QR codes name
 * (docs/decisions/0012-collection-account-by-event.md). A replaced account is used from the next payment prepared.
 */
export const duesCollectionAccountConsumer = defineConsumer(organizationEvents, {
  name: 'dues.collection-account',
  topics: ['organization.duesAccountSet'],
  handle: async (tx, { payload }) => {
    await qrPaymentRepository(tx).saveAccount(payload);
  },
});
