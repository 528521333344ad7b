import type { TransferLetterRow } from '../transfer/transfer-letter.repository.ts';
import type { TransferRow } from '../transfer/transfer.repository.ts';

/** A letter as the API shows it: the letter and the dossier it belongs to. */
export interface LetterView {
  letter: TransferLetterRow;
  transfer: TransferRow;
}
