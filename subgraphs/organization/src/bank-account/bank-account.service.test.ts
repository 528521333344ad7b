import { fakeStore, type Identity, type Role } from '@dangvu/subgraph-kit';
import { personWith } from '@dangvu/subgraph-kit/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import type { OrganizationRow } from '../organization/organization.repository.ts';
import { fakeTree, type FakeTree } from '../testing/fake-repositories.ts';
import { bankAccountService } from './bank-account.service.ts';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const ACCOUNT = { bankBin: '970405', accountNumber: '1234 5678 90', holderName: 'Chi bộ tổ dân phố Đông' };

let tree: FakeTree;
let ward: OrganizationRow;
let cell: OrganizationRow;

beforeEach(() => {
  tree = fakeTree();
  ward = tree.add({ id: uuid(1), type: 'PROVINCE_SUBORDINATE' });
  cell = tree.add({ id: uuid(2), type: 'GRASSROOTS_CELL', parent: ward });
});

const as = (role: Role, at: OrganizationRow) => personWith(uuid(90), role, at.path);
const setAccount = (identity: Identity, organization = cell) =>
  bankAccountService(fakeStore(tree.repos), { identity, requestId: 'req-1' }).set({ organizationId: organization.id, ...ACCOUNT });

describe("setting an organization's dues account", () => {
  it.each([
    ['its secretary', 'SECRETARY'],
    ['its finance member', 'FINANCE_MEMBER'],
  ] as const)('is done by %s, normalized as the bank holds it and audited', async (_who, role) => {
    const { bankAccount, userErrors } = await setAccount(as(role, cell));
    expect(userErrors).toEqual([]);
    expect(bankAccount).toMatchObject({ orgId: cell.id, accountNumber: '1234567890', holderName: 'CHI BO TO DAN PHO DONG', updatedBy: uuid(90) });
    expect(tree.audit).toEqual([expect.objectContaining({ action: 'bankAccount.set', entityId: cell.id, before: null, orgPath: cell.path, actorId: uuid(90) })]);
  });

  it('announces the account as stored to the dues subgraph, each time it is set', async () => {
    await setAccount(as('SECRETARY', cell));
    await setAccount(as('FINANCE_MEMBER', cell));
    const announced = { orgId: cell.id, orgPath: cell.path, bankBin: '970405', accountNumber: '1234567890', holderName: 'CHI BO TO DAN PHO DONG' };
    expect(tree.events).toEqual([
      { topic: 'organization.duesAccountSet', aggregateId: cell.id, payload: announced },
      { topic: 'organization.duesAccountSet', aggregateId: cell.id, payload: announced },
    ]);
  });

  it('records a second setting as a change, with the account before', async () => {
    await setAccount(as('SECRETARY', cell));
    await setAccount(as('FINANCE_MEMBER', cell));
    expect(tree.audit.map((entry) => entry.action)).toEqual(['bankAccount.set', 'bankAccount.changed']);
    expect(tree.audit[1]!.before).toMatchObject({ accountNumber: '1234567890' });
  });

  it.each([
    ['the secretary of the ward above', 'SECRETARY'],
    ['the deputy secretary of the ward above', 'DEPUTY_SECRETARY'],
    ['the finance member of the ward above', 'FINANCE_MEMBER'],
  ] as const)('is done for a cell by %s, audited as theirs', async (_who, role) => {
    const { userErrors } = await setAccount(as(role, ward));
    expect(userErrors).toEqual([]);
    expect(tree.bankAccounts.get(cell.id)).toMatchObject({ updatedBy: uuid(90) });
    expect(tree.audit).toEqual([expect.objectContaining({ action: 'bankAccount.set', actorId: uuid(90), orgPath: cell.path })]);
  });

  it.each([
    ['a subordinate cell', 'SUBORDINATE_CELL'],
    ['a partial committee', 'PARTIAL_COMMITTEE'],
  ] as const)('refuses %s, which pays through its grassroots committee, with NOT_ELIGIBLE', async (_who, type) => {
    const committee = tree.add({ id: uuid(4), type: 'GRASSROOTS_COMMITTEE', parent: ward });
    const inside = tree.add({ id: uuid(5), type, parent: committee });
    const { bankAccount, userErrors } = await setAccount(as('SECRETARY', inside), inside);
    expect(bankAccount).toBeNull();
    expect(userErrors).toEqual([expect.objectContaining({ code: 'NOT_ELIGIBLE', field: 'organizationId', message: expect.stringContaining('đảng bộ cơ sở') })]);
    expect(tree.bankAccounts.size).toBe(0);
    expect(tree.audit).toEqual([]);
  });

  it.each([
    ['an administrator above', () => as('ADMIN', ward)],
    ['the secretary of another ward', () => as('SECRETARY', tree.add({ id: uuid(6), type: 'PROVINCE_SUBORDINATE' }))],
    ['the cell’s deputy secretary', () => as('DEPUTY_SECRETARY', cell)],
    ['a member without a role', () => personWith(uuid(91))],
  ])('refuses %s with FORBIDDEN and sets nothing', async (_who, caller) => {
    await expect(setAccount(caller())).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(tree.bankAccounts.size).toBe(0);
    expect(tree.audit).toEqual([]);
  });

  it('refuses a dissolved organization with a userError', async () => {
    const closed = tree.add({ id: uuid(3), type: 'GRASSROOTS_CELL', parent: ward, dissolvedOn: '2026-01-01' });
    const { userErrors } = await setAccount(as('SECRETARY', closed), closed);
    expect(userErrors).toEqual([expect.objectContaining({ code: 'ALREADY_DISSOLVED', field: 'organizationId' })]);
    expect(tree.bankAccounts.size).toBe(0);
  });
});
