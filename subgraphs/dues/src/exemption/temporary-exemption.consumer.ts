import { defineConsumer, memberEvents } from '@dangvu/subgraph-kit';
import { temporaryExemptionRepository } from './temporary-exemption.repository.ts';

/**
 * Keeps the members' temporary exemptions, whose months the monthly run defers
 * (docs/rules/dues-obligations.md#temporary-exemption). Idempotent: a resolution announced twice is one row, and
 * an end announced twice finds no open exemption the second time.
 */
export const duesTemporaryExemptionConsumer = defineConsumer(memberEvents, {
  name: 'dues.temporary-exemption',
  topics: ['member.temporaryExemptionChanged'],
  async handle(tx, { payload: { memberId, statusChangeId, exempt, on } }) {
    const repository = temporaryExemptionRepository(tx);
    if (exempt) await repository.begin(memberId, statusChangeId, on);
    else await repository.end(memberId, statusChangeId, on);
  },
});
