import { groupLoader } from '@dangvu/subgraph-kit';
import type { TransferRepository, TransferRow } from './transfer.repository.ts';

export function transferLoaders(repository: TransferRepository) {
  return { ofMember: groupLoader(repository.ofMembers, (row: TransferRow) => row.memberId) };
}

export type TransferLoaders = ReturnType<typeof transferLoaders>;
