import { and, eq, isNull, sql } from 'drizzle-orm';
import { tables } from '@dangvu/drizzle';
import type { Executor, NewSigningKey, SigningKeyStore } from '@dangvu/subgraph-kit';

const { memberSigningKeys: keys } = tables;

/** The signing keys of those who give or record residence comments (members.signing_keys). */
export function commentSigningKeyRepository(db: Executor): SigningKeyStore {
  return {
    async activeOrInsert(candidate: NewSigningKey) {
      await db.insert(keys).values(candidate).onConflictDoNothing({ target: keys.personId, where: sql`${keys.retiredAt} is null` });
      const [row] = await db.select().from(keys).where(and(eq(keys.personId, candidate.personId), isNull(keys.retiredAt)));
      return row!;
    },
    async retire(id: string) {
      await db.update(keys).set({ retiredAt: new Date() }).where(eq(keys.id, id));
    },
  };
}
