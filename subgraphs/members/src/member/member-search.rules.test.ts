import type { Identity, Role } from '@dangvu/subgraph-kit';
import { describe, expect, it } from 'vitest';
import {
  checkPageSize,
  CITIZEN_ID_SEARCHER_ROLES,
  decodeCursor,
  encodeCursor,
  intersectSubtrees,
  parseSearchQuery,
  reachOf,
  SEARCHER_ROLES,
} from './member-search.rules.ts';

const ID = '0f0e0d0c-0b0a-4908-8706-050403020100';
const code = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code;
  }
  return 'none';
};

describe('parseSearchQuery', () => {
  it.each([
    [null, null],
    ['037080100001', { kind: 'citizenId', citizenId: '037080100001' }],
    [' 0370 8010 0001 ', { kind: 'citizenId', citizenId: '037080100001' }],
    ['nb.12345678', { kind: 'cardNumber', cardNumber: 'NB.12345678' }],
    ['HNI.12345678', { kind: 'cardNumber', cardNumber: 'HNI.12345678' }],
    ['  Nguyễn   văn An ', { kind: 'name', words: ['Nguyễn', 'văn', 'An'] }],
    ['an', { kind: 'name', words: ['an'] }],
    ['NB.1234567', { kind: 'name', words: ['NB.1234567'] }],
  ])('reads %j', (query, expected) => {
    expect(parseSearchQuery(query)).toEqual(expected);
  });

  it.each(['', ' ', 'a', ' a ', '12345', '0370801000011', 'x'.repeat(101), 'a b c d e f g h i'])('refuses %j', (query) => {
    expect(code(() => parseSearchQuery(query))).toBe('BAD_USER_INPUT');
  });
});

describe('checkPageSize', () => {
  it.each([1, 20, 100])('takes %d', (first) => expect(checkPageSize(first)).toBe(first));
  it.each([0, -1, 101, 2.5, null, undefined])('refuses %j', (first) => expect(code(() => checkPageSize(first))).toBe('BAD_USER_INPUT'));
});

describe('reachOf', () => {
  const holding = (...grants: [Role, string][]): Identity => ({
    personId: ID,
    grants: grants.map(([role, orgPath]) => ({ role, orgId: orgPath.split('/').at(-2)!, orgPath })),
    partner: null,
  });

  it('keeps the subtrees of the roles asked for, without those inside another', () => {
    const identity = holding(['SECRETARY', '/p/w/c/'], ['ADMIN', '/p/w/'], ['FINANCE_MEMBER', '/p/v/'], ['ANALYST', '/p/']);
    expect(reachOf(identity, SEARCHER_ROLES)).toEqual(['/p/w/', '/p/v/']);
    expect(reachOf(identity, CITIZEN_ID_SEARCHER_ROLES)).toEqual(['/p/w/']);
    expect(reachOf(holding(['ANALYST', '/p/']), SEARCHER_ROLES)).toEqual([]);
  });

  it('does not take a sibling whose id starts like another for a subtree of it', () => {
    expect(reachOf(holding(['SECRETARY', '/p/ab/'], ['SECRETARY', '/p/a/']), SEARCHER_ROLES)).toEqual(['/p/ab/', '/p/a/']);
  });
});

describe('intersectSubtrees', () => {
  it.each([
    [null, '/p/w/', ['/p/w/']],
    [['/p/'], '/p/w/c/', ['/p/w/c/']],
    [['/p/w/c/', '/p/w/d/', '/p/v/e/'], '/p/w/', ['/p/w/c/', '/p/w/d/']],
    [['/p/w/'], '/p/v/', []],
    [['/p/w/'], '/p/w/', ['/p/w/']],
  ])('reach %j and %s give %j', (reach, root, expected) => {
    expect(intersectSubtrees(reach, root)).toEqual(expected);
  });
});

describe('cursors', () => {
  it('come back as the key they were made from', () => {
    expect(decodeCursor(encodeCursor({ rank: 3, name: 'nguyen van an', id: ID }), true)).toEqual({ rank: 3, name: 'nguyen van an', id: ID });
    expect(decodeCursor(encodeCursor({ rank: null, name: 'le van so', id: ID }), false)).toEqual({ rank: null, name: 'le van so', id: ID });
  });

  const encoded = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  it.each([
    ['', false],
    ['not-a-cursor', false],
    [encoded(['nguyen', ID]), true],
    [encoded([1, 'nguyen', ID]), false],
    [encoded([7, 'nguyen', ID]), true],
    [encoded([1.5, 'nguyen', ID]), true],
    [encoded(['nguyen', 'x']), false],
    [encoded([1, 'nguyen']), true],
    [encoded({ name: 'nguyen', id: ID }), false],
  ])('refuse %j (ranked: %s)', (cursor, ranked) => {
    expect(code(() => decodeCursor(cursor, ranked))).toBe('BAD_USER_INPUT');
  });
});
