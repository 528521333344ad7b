import { describe, expect, it } from 'vitest';
import type { Identity } from './identity.ts';
import { definePolicy } from './policy.ts';

const cell = { id: 'c', path: '/p/w/c/', memberId: 'm1' };
const person = (personId: string, grants: Identity['grants'] = []): Identity => ({ personId, grants, partner: null });
const wardAdmin = person('a', [{ role: 'ADMIN', orgId: 'w', orgPath: '/p/w/' }]);
const otherWardAdmin = person('b', [{ role: 'ADMIN', orgId: 'x', orgPath: '/p/x/' }]);
const cellSecretary = person('s', [{ role: 'SECRETARY', orgId: 'c', orgPath: '/p/w/c/' }]);
const partner: Identity = { personId: null, grants: [], partner: { clientId: 'k', scopes: ['members:read'] } };

const policy = definePolicy({
  RENAME: { roles: ['ADMIN'], over: (org: typeof cell) => org.path.slice(0, -2) },
  READ: { roles: ['SECRETARY', 'ADMIN'], over: (org: typeof cell) => org.path, self: (org: typeof cell) => org.memberId, partnerScope: 'members:read' },
  NOT_ON_SELF: { roles: ['SECRETARY'], over: (org: typeof cell) => org.path, when: (identity, org: typeof cell) => identity.personId !== org.memberId },
});

describe('a policy', () => {
  it.each([
    ['the administrator above', wardAdmin, 'RENAME', true],
    ['an administrator of another ward', otherWardAdmin, 'RENAME', false],
    ['the cell secretary, for a decision taken from above', cellSecretary, 'RENAME', false],
    ['the member themself', person('m1'), 'READ', true],
    ['another plain member', person('m2'), 'READ', false],
    ['a partner with the scope', partner, 'READ', true],
    ['the secretary over the subject', cellSecretary, 'NOT_ON_SELF', true],
    ['the secretary on their own record', { ...cellSecretary, personId: 'm1' }, 'NOT_ON_SELF', false],
  ] as const)('grants or refuses %s', (_who, identity, ability, expected) => {
    expect(policy.can(identity, ability, cell)).toBe(expected);
  });

  it('refuses with FORBIDDEN in the service check', () => {
    expect(() => policy.assert(otherWardAdmin, 'RENAME', cell)).toThrow(expect.objectContaining({ extensions: { code: 'FORBIDDEN' } }));
    expect(() => policy.assert(wardAdmin, 'RENAME', cell)).not.toThrow();
  });

  it('lets a mutation through the shield gate only to a caller who could hold the ability somewhere', () => {
    expect(policy.mayTry(otherWardAdmin, 'RENAME')).toBe(true);
    expect(policy.mayTry(cellSecretary, 'RENAME')).toBe(false);
    expect(policy.mayTry(person('m2'), 'READ')).toBe(true);
    expect(policy.mayTry({ personId: null, grants: [], partner: null }, 'READ')).toBe(false);
  });
});
