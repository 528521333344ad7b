import { eq } from 'drizzle-orm';
import { tables } from '@dangvu/drizzle';
import type { Executor } from '@dangvu/subgraph-kit';

const { partnerClients } = tables;

export type PartnerRow = typeof partnerClients.$inferSelect;

export function partnerRepository(db: Executor) {
  return {
    async insert(row: typeof partnerClients.$inferInsert): Promise<PartnerRow> {
      const [created] = await db.insert(partnerClients).values(row).returning();
      return created!;
    },
    async byId(id: string): Promise<PartnerRow | null> {
      const [row] = await db.select().from(partnerClients).where(eq(partnerClients.id, id));
      return row ?? null;
    },
    async byIdForUpdate(id: string): Promise<PartnerRow | null> {
      const [row] = await db.select().from(partnerClients).where(eq(partnerClients.id, id)).for('update');
      return row ?? null;
    },
    async revoke(id: string): Promise<PartnerRow> {
      const [row] = await db.update(partnerClients).set({ status: 'REVOKED' }).where(eq(partnerClients.id, id)).returning();
      return row!;
    },
  };
}

export type PartnerRepository = ReturnType<typeof partnerRepository>;
