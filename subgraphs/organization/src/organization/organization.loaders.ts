import { groupLoader, rowLoader } from '@dangvu/subgraph-kit';
import type { BankAccountRow, OrganizationRepository, OrganizationRow, OrganizationVersionRow } from './organization.repository.ts';

/** `id|day` keys for the loaders that read the tree as it stood on a day. */
const splitDayKey = (keys: readonly string[]) => {
  const day = keys[0]!.split('|')[1]!;
  return { day, ids: keys.map((key) => key.split('|')[0]!) };
};

export function organizationLoaders(repository: OrganizationRepository) {
  return {
    byId: rowLoader(repository.byIds, (row: OrganizationRow) => row.id),
    children: groupLoader(repository.childrenOf, (row: OrganizationRow) => row.parentId!),
    history: groupLoader(repository.versionsOf, (row: OrganizationVersionRow) => row.orgId),
    bankAccount: rowLoader(repository.bankAccountsOf, (row: BankAccountRow) => row.orgId),
    // One batch per day: a request asks about one day, so the keys of a batch share it.
    versionOn: rowLoader(
      (keys: readonly string[]) => {
        const { day, ids } = splitDayKey(keys);
        return repository.versionsOn(ids, day).then((rows) => rows.map((row) => ({ ...row, key: `${row.orgId}|${day}` })));
      },
      (row) => row.key,
    ),
    childVersionsOn: groupLoader(
      (keys: readonly string[]) => {
        const { day, ids } = splitDayKey(keys);
        return repository.childVersionsOn(ids, day).then((rows) => rows.map((row) => ({ ...row, key: `${row.parentId}|${day}` })));
      },
      (row) => row.key,
    ),
  };
}

export type OrganizationLoaders = ReturnType<typeof organizationLoaders>;
