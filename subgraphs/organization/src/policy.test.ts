import type { Identity, Role } from '@dangvu/subgraph-kit';
import { describe, expect, it } from 'vitest';
import { policy, superiorPath } from './policy.ts';

const province = '/p/';
const ward = '/p/w/';
const otherWard = '/p/x/';
const cell = { path: '/p/w/c/' };
const root = { path: '/p/' };

const person = (role?: Role, orgPath?: string): Identity => ({
  personId: 'm',
  grants: role && orgPath ? [{ role, orgId: orgPath.split('/').at(-2)!, orgPath }] : [],
  partner: null,
});
const partner: Identity = { personId: null, grants: [], partner: { clientId: 'k', scopes: ['organizations:read'] } };

describe('where a decision about an organization is taken', () => {
  it('is its parent, and a root itself', () => {
    expect(superiorPath(cell)).toBe(ward);
    expect(superiorPath(root)).toBe(root.path);
  });
});

describe('the organization policy on a cell', () => {
  it.each([
    // who, shape the tree / roll-out scope (from above), dues account (its own officers, or officers above)
    ['the ward’s administrator', person('ADMIN', ward), true, false],
    ['the province’s secretary', person('SECRETARY', province), true, true],
    ['the ward’s secretary', person('SECRETARY', ward), true, true],
    ['the ward’s deputy secretary', person('DEPUTY_SECRETARY', ward), false, true],
    ['another ward’s administrator', person('ADMIN', otherWard), false, false],
    ['the cell’s own secretary', person('SECRETARY', cell.path), false, true],
    ['the cell’s finance member', person('FINANCE_MEMBER', cell.path), false, true],
    ['the ward’s finance member', person('FINANCE_MEMBER', ward), false, true],
    ['another ward’s secretary', person('SECRETARY', otherWard), false, false],
    ['the cell’s deputy secretary', person('DEPUTY_SECRETARY', cell.path), false, false],
    ['an analyst over it', person('ANALYST', ward), false, false],
    ['a member without a role', person(), false, false],
    ['a partner system', partner, false, false],
  ] as const)('%s', (_who, identity, fromAbove, duesAccount) => {
    expect(policy.can(identity, 'SHAPE_TREE', cell)).toBe(fromAbove);
    expect(policy.can(identity, 'SET_ROLLOUT_SCOPE', cell)).toBe(fromAbove);
    expect(policy.can(identity, 'SET_DUES_ACCOUNT', cell)).toBe(duesAccount);
  });

  it('knows the cell’s own officers by the organization, even with a path from before a move', () => {
    const before: Identity = { personId: 'm', grants: [{ role: 'FINANCE_MEMBER', orgId: 'c', orgPath: '/p/x/c/' }], partner: null };
    expect(policy.can(before, 'SET_DUES_ACCOUNT', cell)).toBe(true);
  });

  it('leaves a root’s dues account to its own secretary and finance member, there being no one above', () => {
    expect(policy.can(person('SECRETARY', province), 'SET_DUES_ACCOUNT', root)).toBe(true);
    expect(policy.can(person('DEPUTY_SECRETARY', province), 'SET_DUES_ACCOUNT', root)).toBe(false);
  });

  it('lets a root be shaped only by a role on the root itself', () => {
    expect(policy.can(person('ADMIN', province), 'SHAPE_TREE', root)).toBe(true);
    expect(policy.can(person('ADMIN', ward), 'SHAPE_TREE', root)).toBe(false);
  });

  it('lets partner systems read the tree only with the organizations:read scope', () => {
    expect(policy.mayTry(partner, 'READ_TREE')).toBe(true);
    expect(policy.mayTry({ ...partner, partner: { clientId: 'k', scopes: ['members:read'] } }, 'READ_TREE')).toBe(false);
  });
});
