import { defineConsumer } from '@dangvu/subgraph-kit';
import { transferEvents } from '@dangvu/subgraph-transfers/events';
import { obligationRepository } from './obligation.repository.ts';

/**
 * Dues follow the member (docs/rules/dues-obligations.md#after-a-transfer): after an official transfer the new
 * organization collects from the month after the completion day; the months up to it stay with the old one.
 * A member transferred out of the system leaves the roll; what they owed stays on record.
 */
export const duesTransferConsumer = defineConsumer(transferEvents, {
  name: 'dues.member-transferred',
  topics: ['member.transferred', 'member.transferredOut'],
  async handle(tx, event) {
    const repository = obligationRepository(tx);
    if (event.topic === 'member.transferredOut') {
      await repository.removePayer(event.payload.memberId);
      return;
    }
    const { memberId, toOrgId, toOrgPath, on } = event.payload;
    await repository.moveMember(memberId, toOrgId, toOrgPath, `${on.slice(0, 7)}-01`);
  },
});
