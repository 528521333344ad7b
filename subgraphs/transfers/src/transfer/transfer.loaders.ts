import { groupLoader, rowLoader } from '@dangvu/subgraph-kit';
import type { Repositories } from '../repositories.ts';
import type { DossierCheckRow } from './dossier-check.repository.ts';
import type { TransferLetterRow } from './transfer-letter.repository.ts';
import type { HandoverRow, TransferStepRow } from './transfer-step.repository.ts';
import type { TransferRow } from './transfer.repository.ts';

/** One statement per relation per request, however many dossiers a page shows. */
export function transferLoaders(repos: Repositories) {
  return {
    byId: rowLoader(repos.transfers.byIds, (row: TransferRow) => row.id),
    ofMember: groupLoader(repos.transfers.ofMembers, (row: TransferRow) => row.memberId),
    steps: groupLoader(repos.steps.ofTransfers, (row: TransferStepRow) => row.transferId),
    handovers: groupLoader(repos.steps.handoversOf, (row: HandoverRow) => row.transferId),
    dossierChecks: groupLoader(repos.dossierChecks.ofTransfers, (row: DossierCheckRow) => row.transferId),
    currentLetter: rowLoader(repos.letters.currentOf, (row: TransferLetterRow) => row.transferId),
    publicKeys: rowLoader(repos.signingKeys.publicKeys, (row: { id: string }) => row.id),
  };
}

export type TransferLoaders = ReturnType<typeof transferLoaders>;
