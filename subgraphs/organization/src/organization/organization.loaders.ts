import { groupLoader, rowLoader } from '@dangvu/subgraph-kit';
import type { BankAccountRow } from '../bank-account/bank-account.repository.ts';
import type { Repositories } from '../repositories.ts';
import type { OrganizationRow, OrganizationVersionRow } from './organization.repository.ts';
import type { CoverageRow, SizeRow } from './readiness.repository.ts';

/** `id|day` keys for the loaders that read the tree as it stood on a day. */
const splitDayKey = (keys: readonly string[]) => {
  const day = keys[0]!.split('|')[1]!;
  return { day, ids: keys.map((key) => key.split('|')[0]!) };
};

/** Per-request batches over the tree and its accounts; never shared between requests. */
export function organizationLoaders({ organizations, bankAccounts, readiness }: Pick<Repositories, 'organizations' | 'bankAccounts' | 'readiness'>) {
  return {
    byId: rowLoader(organizations.byIds, (row: OrganizationRow) => row.id),
    children: groupLoader(organizations.childrenOf, (row: OrganizationRow) => row.parentId!),
    /** Children read as a list are known by id too: their own children's roll-out line then costs no statement. */
    primeById(rows: readonly OrganizationRow[]) {
      for (const row of rows) this.byId.prime(row.id, row);
    },
    history: groupLoader(organizations.versionsOf, (row: OrganizationVersionRow) => row.orgId),
    bankAccount: rowLoader(bankAccounts.ofOrganizations, (row: BankAccountRow) => row.orgId),
    sizes: rowLoader(readiness.sizes, (row: SizeRow) => row.orgId),
    /** By the organization's current path: the subtree is today's. */
    coverage: rowLoader(readiness.coverage, (row: CoverageRow) => row.path),
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
