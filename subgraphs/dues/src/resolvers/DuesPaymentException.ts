import type { DuesPaymentExceptionResolvers } from '../generated/resolvers.ts';

export const DuesPaymentException: DuesPaymentExceptionResolvers = {
  id: ({ exception }) => exception.id,
  kind: ({ exception }) => exception.kind,
  organization: ({ exception }) => ({ id: exception.orgId }),
  source: ({ line }) => line.source,
  bookedOn: ({ line }) => line.bookedOn,
  amount: ({ line }) => BigInt(line.amount),
  narrative: ({ line }) => line.narrative,
  reference: ({ line }) => line.reference,
  paymentCode: ({ line }) => line.paymentCode,
  member: ({ exception }) => (exception.memberId ? { id: exception.memberId } : null),
  expectedAmount: ({ exception }) => (exception.expectedAmount === null ? null : BigInt(exception.expectedAmount)),
  resolution: ({ exception }) => exception.resolution,
  reason: ({ exception }) => exception.reason,
  resolvedAt: ({ exception }) => exception.resolvedAt,
};
