import { tables } from '@dangvu/drizzle';
import { describe, expect, it } from 'vitest';
import { ALLOWED_PARENTS, dissolveError, moveError, nameError, codeError, ORG_TYPES, placementError, reclassifyError, type OrgType, type TreeNode } from './organization.rules.ts';

const node = (type: OrgType, path = `/${type}/`, dissolvedOn: string | null = null): TreeNode => ({ id: type, type, path, dissolvedOn });

it('knows the same kinds of organization as the database', () => {
  expect([...ORG_TYPES].sort()).toEqual([...tables.orgType.enumValues].sort());
});

describe('placementError: every kind under every kind', () => {
  const cases = ORG_TYPES.flatMap((child) => ORG_TYPES.map((parent) => [child, parent] as const));
  it.each(cases)('%s under %s', (child, parent) => {
    const result = placementError(child, node(parent));
    if (ALLOWED_PARENTS[child].includes(parent)) expect(result).toBeNull();
    else expect(result?.code).toMatch(/^(INVALID_PARENT_TYPE|CELL_HAS_NO_CHILDREN)$/);
  });

  it('keeps cells free of child organizations', () => {
    for (const child of ORG_TYPES) {
      expect(placementError(child, node('GRASSROOTS_CELL'))?.code).toBe('CELL_HAS_NO_CHILDREN');
      expect(placementError(child, node('SUBORDINATE_CELL'))?.code).toBe('CELL_HAS_NO_CHILDREN');
    }
  });

  it('puts a subordinate cell under a grassroots or partial committee, a commune-level committee or an overseas committee', () => {
    expect(ORG_TYPES.filter((parent) => placementError('SUBORDINATE_CELL', node(parent)) === null)).toEqual([
      'PROVINCE_SUBORDINATE',
      'GRASSROOTS_COMMITTEE',
      'PARTIAL_COMMITTEE',
      'OVERSEAS',
    ]);
  });

  it('accepts under a commune-level committee grassroots cells, grassroots committees and cells directly under it', () => {
    expect(ORG_TYPES.filter((child) => placementError(child, node('PROVINCE_SUBORDINATE')) === null)).toEqual([
      'GRASSROOTS_COMMITTEE',
      'GRASSROOTS_CELL',
      'SUBORDINATE_CELL',
    ]);
  });

  it('lets an overseas committee hold cells, and a central-direct committee a committee of committees', () => {
    expect(ORG_TYPES.filter((child) => placementError(child, node('OVERSEAS')) === null)).toEqual(['GRASSROOTS_CELL', 'SUBORDINATE_CELL']);
    expect(placementError('PROVINCE_SUBORDINATE', node('CENTRAL_DIRECT_COMMITTEE'))).toBeNull();
  });

  it('puts a grassroots committee only under a commune/ward, provincial or central-direct committee', () => {
    expect(ORG_TYPES.filter((parent) => placementError('GRASSROOTS_COMMITTEE', node(parent)) === null)).toEqual([
      'CENTRAL_DIRECT_COMMITTEE',
      'PROVINCIAL',
      'PROVINCE_SUBORDINATE',
    ]);
  });

  it('refuses a dissolved parent, naming the field', () => {
    expect(placementError('GRASSROOTS_CELL', node('PROVINCE_SUBORDINATE', '/p/', '2026-01-01'))).toMatchObject({
      code: 'PARENT_DISSOLVED',
      field: 'parentId',
    });
  });
});

describe('moveError', () => {
  const ward = node('PROVINCE_SUBORDINATE', '/p/w/');
  it('refuses a move under the organization itself or its own subtree', () => {
    const committee = node('GRASSROOTS_COMMITTEE', '/p/w/c/');
    expect(moveError(committee, node('PARTIAL_COMMITTEE', '/p/w/c/x/'))?.code).toBe('MOVE_INTO_OWN_SUBTREE');
    expect(moveError(committee, { ...committee })?.code).toBe('MOVE_INTO_OWN_SUBTREE');
  });

  it('allows a cell to move to another commune', () => {
    expect(moveError(node('GRASSROOTS_CELL', '/p/w/cell/'), node('PROVINCE_SUBORDINATE', '/p/other/'))).toBeNull();
  });

  it('applies the placement rules to the new parent', () => {
    expect(moveError(node('GRASSROOTS_CELL', '/p/w/cell/'), node('PARTIAL_COMMITTEE', '/p/w/c/pc/'))?.code).toBe('INVALID_PARENT_TYPE');
    expect(moveError(node('GRASSROOTS_CELL', '/p/x/cell/'), ward)).toBeNull();
  });
});

describe('reclassifyError', () => {
  const ward = node('PROVINCE_SUBORDINATE', '/p/w/');
  const committee = node('GRASSROOTS_COMMITTEE', '/p/w/c/');
  const cell = node('GRASSROOTS_CELL', '/p/w/cell/');

  it('accepts a kind that fits the parent and every child', () => {
    expect(reclassifyError(cell, 'SUBORDINATE_CELL', ward, [])).toBeNull();
    expect(reclassifyError(committee, 'GRASSROOTS_CELL', ward, [])).toBeNull();
  });

  it('lets a grassroots cell become a subordinate cell under a grassroots committee in one step', () => {
    expect(reclassifyError(cell, 'SUBORDINATE_CELL', committee, [], true)).toBeNull();
    expect(reclassifyError(cell, 'GRASSROOTS_CELL', committee, [], true)).toMatchObject({ code: 'INVALID_PARENT_TYPE', field: 'newParentId' });
  });

  it('refuses a kind the parent does not take, or children the kind cannot hold', () => {
    expect(reclassifyError(cell, 'PARTIAL_COMMITTEE', ward, [])).toMatchObject({ code: 'INVALID_PARENT_TYPE', field: 'type' });
    expect(reclassifyError(committee, 'GRASSROOTS_CELL', ward, ['SUBORDINATE_CELL', 'PARTIAL_COMMITTEE'])).toMatchObject({
      code: 'CHILDREN_DO_NOT_FIT',
      message: expect.stringContaining('chi bộ trực thuộc, đảng bộ bộ phận'),
    });
    expect(reclassifyError(ward, 'PROVINCIAL', node('PROVINCIAL', '/p/'), [])?.code).toBe('INVALID_PARENT_TYPE');
  });

  it('refuses the same kind, a dissolved organization, and a move into its own subtree', () => {
    expect(reclassifyError(cell, 'GRASSROOTS_CELL', ward, [])?.code).toBe('SAME_TYPE');
    expect(reclassifyError({ ...cell, dissolvedOn: '2026-01-01' }, 'SUBORDINATE_CELL', ward, [])?.code).toBe('ALREADY_DISSOLVED');
    expect(reclassifyError(committee, 'PARTIAL_COMMITTEE', node('GRASSROOTS_COMMITTEE', '/p/w/c/x/'), [], true)?.code).toBe('MOVE_INTO_OWN_SUBTREE');
  });

  it('keeps a root a root', () => {
    expect(reclassifyError(node('CENTRAL', '/r/'), 'PROVINCIAL', null, [])).toMatchObject({ code: 'INVALID_PARENT_TYPE' });
  });
});

describe('dissolveError', () => {
  const cell = node('GRASSROOTS_CELL', '/p/w/cell/');
  it('dissolves only an empty organization', () => {
    expect(dissolveError(cell, 0, 0)).toBeNull();
    expect(dissolveError(cell, 1, 0)?.code).toBe('HAS_CHILDREN');
    expect(dissolveError(cell, 0, 12)).toMatchObject({ code: 'HAS_MEMBERS', message: expect.stringContaining('12 đảng viên') });
    expect(dissolveError({ ...cell, dissolvedOn: '2026-01-01' }, 0, 0)?.code).toBe('ALREADY_DISSOLVED');
  });
});

describe('names and codes', () => {
  it.each([
    ['Chi bộ thôn Đông', null],
    ['  ', 'INVALID_NAME'],
    ['AB', 'INVALID_NAME'],
    ['x'.repeat(201), 'INVALID_NAME'],
  ])('name %j', (name, code) => expect(nameError(name)?.code ?? null).toBe(code));

  it.each([
    ['NB.1.12', null],
    ['nb.1', 'INVALID_CODE'],
    ['NB 1', 'INVALID_CODE'],
    ['', 'INVALID_CODE'],
  ])('code %j', (code, expected) => expect(codeError(code)?.code ?? null).toBe(expected));
});
