import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { tables } from '@dangvu/drizzle';
import type { Executor, NewSigningKey } from '@dangvu/subgraph-kit';

const { signingKeys } = tables;

export type SigningKeyRow = typeof signingKeys.$inferSelect;

/** People's signing keys (transfers.signing_keys). */
export function signingKeyRepository(db: Executor) {
  return {
    /** The person's key in use, made from `candidate` when they have none; of two first uses at once, one key is kept. */
    async activeOrInsert(candidate: NewSigningKey): Promise<SigningKeyRow> {
      await db
        .insert(signingKeys)
        .values(candidate)
        .onConflictDoNothing({ target: signingKeys.personId, where: sql`${signingKeys.retiredAt} is null` });
      const [row] = await db
        .select()
        .from(signingKeys)
        .where(and(eq(signingKeys.personId, candidate.personId), isNull(signingKeys.retiredAt)));
      return row!;
    },

    async retire(id: string): Promise<void> {
      await db.update(signingKeys).set({ retiredAt: new Date() }).where(eq(signingKeys.id, id));
    },

    publicKeys: (ids: readonly string[]) =>
      db.select({ id: signingKeys.id, publicKey: signingKeys.publicKey }).from(signingKeys).where(inArray(signingKeys.id, [...ids])),
  };
}

export type SigningKeyRepository = ReturnType<typeof signingKeyRepository>;
