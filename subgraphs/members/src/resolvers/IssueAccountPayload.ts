import type { IssueAccountPayloadResolvers } from '../generated/resolvers.ts';

export const IssueAccountPayload: IssueAccountPayloadResolvers = {
  activationExpiresAt: (payload) => payload.account?.activationExpiresAt ?? null,
};
