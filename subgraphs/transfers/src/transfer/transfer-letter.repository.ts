import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { tables } from '@dangvu/drizzle';
import type { Executor } from '@dangvu/subgraph-kit';

const { transferLetters } = tables;

export type TransferLetterRow = typeof transferLetters.$inferSelect;
export type NewTransferLetter = typeof transferLetters.$inferInsert;

/** Introduction letters: issued, made again when lost, the lost one void. */
export function transferLetterRepository(db: Executor) {
  return {
    /** The letters in force of these dossiers (one each at most). */
    currentOf: (transferIds: readonly string[]) =>
      db
        .select()
        .from(transferLetters)
        .where(and(inArray(transferLetters.transferId, [...transferIds]), isNull(transferLetters.voidedOn))),

    /** Every letter of a dossier, the void ones too, oldest first. */
    ofTransfer: (transferId: string) => db.select().from(transferLetters).where(eq(transferLetters.transferId, transferId)).orderBy(asc(transferLetters.createdAt)),

    async byNumber(number: string): Promise<TransferLetterRow | null> {
      const [row] = await db.select().from(transferLetters).where(eq(transferLetters.number, number));
      return row ?? null;
    },

    async insert(letter: NewTransferLetter): Promise<TransferLetterRow> {
      const [row] = await db.insert(transferLetters).values(letter).returning();
      return row!;
    },

    async void(id: string, voided: Pick<TransferLetterRow, 'voidedOn' | 'voidReason' | 'policeConfirmation'>): Promise<void> {
      await db.update(transferLetters).set(voided).where(eq(transferLetters.id, id));
    },
  };
}

export type TransferLetterRepository = ReturnType<typeof transferLetterRepository>;
