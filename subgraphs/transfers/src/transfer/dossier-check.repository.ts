import { tables } from '@dangvu/drizzle';
import type { Executor } from '@dangvu/subgraph-kit';
import { asc, inArray } from 'drizzle-orm';
import type { DossierItem } from './dossier-items.rules.ts';

const { transferDossierChecks } = tables;

export type DossierCheckRow = typeof transferDossierChecks.$inferSelect;

/** The items of received dossiers found present, one row each with who checked it and when. */
export function dossierCheckRepository(db: Executor) {
  return {
    ofTransfers: (transferIds: readonly string[]): Promise<DossierCheckRow[]> =>
      db.select().from(transferDossierChecks).where(inArray(transferDossierChecks.transferId, [...transferIds])).orderBy(asc(transferDossierChecks.checkedAt)),
    /** Records the items found present; an item already checked keeps its first check. Returns the rows it wrote. */
    record: (transferId: string, items: readonly DossierItem[], checkedBy: string, at: Date): Promise<DossierCheckRow[]> =>
      db
        .insert(transferDossierChecks)
        .values(items.map((item) => ({ transferId, item, checkedBy, checkedAt: at })))
        .onConflictDoNothing()
        .returning(),
  };
}
