import type { QueryResolvers } from '../generated/resolvers.ts';
import { quoteDues } from '../rates/dues-quote.rules.ts';

export const Query: QueryResolvers = {
  duesReceipt: (_, { id }, context) => context.receipts.visible(id),
  duesSharedPayment: (_, { token }, context) => context.shareLinks.open(token),
  duesQuote: (_, { input }) => {
    const result = quoteDues({
      category: input.situation,
      basis: input.basis ?? null,
      wageRegion: input.wageRegion ?? null,
      localityClass: input.localityClass ?? null,
      birthDate: input.birthDate ?? null,
      sex: input.sex ?? null,
      month: input.month,
    });
    return result.ok ? { quote: result.quote, userErrors: [] } : { quote: null, userErrors: result.userErrors };
  },
};
