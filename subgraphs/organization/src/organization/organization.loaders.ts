import { groupLoader, rowLoader } from '@dangvu/subgraph-kit';
import type { BankAccountRow } from '../bank-account/bank-account.repository.ts';
import type { Repositories } from '../repositories.ts';
import type { OrganizationRow, OrganizationVersionRow } from './organization.repository.ts';

/** `id|day` keys for the loaders that read the tree as it stood on a day. */
const splitDayKey = (keys: readonly string[]) => {
  const day = keys[0]!.split('|')[1]!;
  return { day, ids: keys.map((key) => key.split('|')[0]!) };
};

/** Per-request batches over the tree and its accounts; never shared between requests. */
export function organizationLoaders({ organizations, bankAccounts }: Pick<Repositories, 'organizations' | 'bankAccounts'>) {
  return {
    byId: rowLoader(organizations.byIds, (row: OrganizationRow) => row.id),
    children: groupLoader(organizations.childrenOf, (row: OrganizationRow) => row.parentId!),
    history: groupLoader(organizations.versionsOf, (row: OrganizationVersionRow) => row.orgId),
    bankAccount: rowLoader(bankAccounts.ofOrganizations, (row: BankAccountRow) => row.orgId),
    // One batch per day: a request asks about one day, so the keys of a batch share it.
    versionOn: rowLoader(
      (keys: readonly string[]) => {
        const { day, ids } = splitDayKey(keys);
        return organizations.versionsOn(ids, day).then((rows) => rows.map((row) => ({ ...row, key: `${row.orgId}|${day}` })));
      },
      (row) => row.key,
    ),
    childVersionsOn: groupLoader(
      (keys: readonly string[]) => {
        const { day, ids } = splitDayKey(keys);
        return organizations.childVersionsOn(ids, day).then((rows) => rows.map((row) => ({ ...row, key: `${row.parentId}|${day}` })));
      },
      (row) => row.key,
    ),
  };
}

export type OrganizationLoaders = ReturnType<typeof organizationLoaders>;
