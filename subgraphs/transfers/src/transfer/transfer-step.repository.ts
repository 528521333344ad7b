import { asc, desc, eq, inArray } from 'drizzle-orm';
import { tables } from '@dangvu/drizzle';
import type { Executor } from '@dangvu/subgraph-kit';

const { transferSteps, transferHandovers } = tables;

export type TransferStepRow = typeof transferSteps.$inferSelect;
export type NewTransferStep = typeof transferSteps.$inferInsert;
export type HandoverRow = typeof transferHandovers.$inferSelect;

/** A dossier's steps (append-only) and the handovers its QR code recorded. */
export function transferStepRepository(db: Executor) {
  return {
    ofTransfers: (transferIds: readonly string[]) =>
      db
        .select()
        .from(transferSteps)
        .where(inArray(transferSteps.transferId, [...transferIds]))
        .orderBy(asc(transferSteps.transferId), asc(transferSteps.sequence)),

    async last(transferId: string): Promise<TransferStepRow | null> {
      const [row] = await db.select().from(transferSteps).where(eq(transferSteps.transferId, transferId)).orderBy(desc(transferSteps.sequence)).limit(1);
      return row ?? null;
    },

    async append(step: NewTransferStep): Promise<TransferStepRow> {
      const [row] = await db.insert(transferSteps).values(step).returning();
      return row!;
    },

    handoversOf: (transferIds: readonly string[]) =>
      db
        .select()
        .from(transferHandovers)
        .where(inArray(transferHandovers.transferId, [...transferIds]))
        .orderBy(asc(transferHandovers.at)),

    async recordHandover(handover: typeof transferHandovers.$inferInsert): Promise<HandoverRow> {
      const [row] = await db.insert(transferHandovers).values(handover).returning();
      return row!;
    },
  };
}

export type TransferStepRepository = ReturnType<typeof transferStepRepository>;
