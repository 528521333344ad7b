import { and, eq, isNull, sql } from 'drizzle-orm';
import { tables } from '@dangvu/drizzle';
import type { Executor } from '@dangvu/subgraph-kit';

const { notificationKeys } = tables;

/** The keys payment-notification services present, by their SHA-256 only. */
export function notificationKeyRepository(db: Executor) {
  return {
    /** Revokes the organization's key in force and records its new one. */
    async replace(key: Omit<typeof notificationKeys.$inferInsert, 'id' | 'createdAt' | 'revokedAt'>) {
      await db.update(notificationKeys).set({ revokedAt: sql`now()` }).where(and(eq(notificationKeys.orgId, key.orgId), isNull(notificationKeys.revokedAt)));
      await db.insert(notificationKeys).values(key);
    },
    async inForce(keyHash: string) {
      const [row] = await db.select().from(notificationKeys).where(and(eq(notificationKeys.keyHash, keyHash), isNull(notificationKeys.revokedAt)));
      return row;
    },
  };
}
