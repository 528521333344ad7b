import { describe, expect, it } from 'vitest';
import { decidingOrganization, reliefErrors, type ReliefInput } from './relief.rules.ts';

const org = (orgId: string, type: string) => ({ orgId, type });
const ward = org('ward', 'PROVINCE_SUBORDINATE');
const committee = org('committee', 'GRASSROOTS_COMMITTEE');
const partial = org('partial', 'PARTIAL_COMMITTEE');

describe('the body that decides', () => {
  it.each([
    ['a grassroots cell decides for its own members', [ward, org('cell', 'GRASSROOTS_CELL')], 'cell', 'cell'],
    ['a subordinate cell’s grassroots committee decides', [ward, committee, org('cell', 'SUBORDINATE_CELL')], 'cell', 'committee'],
    ['a partial committee’s cell: the grassroots committee above both', [ward, committee, partial, org('cell', 'SUBORDINATE_CELL')], 'cell', 'committee'],
    ['a party group’s: its grassroots committee', [ward, committee, org('group', 'PARTY_GROUP')], 'group', 'committee'],
    ['a member directly in a grassroots committee: the committee', [ward, committee], 'committee', 'committee'],
  ])('%s', (_what, path, memberOrg, decider) => {
    expect(decidingOrganization(path, memberOrg)?.orgId).toBe(decider);
  });

  it('is unknown when the member’s organization, or a grassroots committee above a subordinate cell, is not known', () => {
    expect(decidingOrganization([ward], 'cell')).toBeNull();
    expect(decidingOrganization([ward, org('cell', 'SUBORDINATE_CELL')], 'cell')).toBeNull();
  });
});

const reduction: ReliefInput = { kind: 'REDUCTION', ground: 'OTHER_HARDSHIP', percent: 50, fromMonth: '2026-03', untilMonth: '2027-02', reference: '12-QĐ/ĐU', decidedOn: '2026-02-20', applicationReference: 'Đơn ngày 10/02/2026' };
const waiver: ReliefInput = { kind: 'WAIVER', ground: 'PARTY_AGE_50', fromMonth: '2026-03', reference: '13-QĐ/CB', decidedOn: '2026-02-20' };
const codes = (input: ReliefInput) => reliefErrors(input, '2026-02-25').map((e) => e.code);

describe('a decision as written', () => {
  it.each([
    ['a reduction of 50% for twelve months on a written application', reduction],
    ['a reduction of 30% for one month', { ...reduction, percent: 30, untilMonth: '2026-03' }],
    ['a reduction of 70% decided today', { ...reduction, percent: 70, decidedOn: '2026-02-25' }],
    ['a waiver for 50 years of party age without end', waiver],
    ['a waiver for special hardship until a month, on an application', { ...waiver, ground: 'SPECIAL_HARDSHIP', untilMonth: '2026-12', applicationReference: 'Đơn ngày 01/02/2026' }],
  ] as const)('takes %s', (_what, input) => {
    expect(codes(input)).toEqual([]);
  });

  it.each([
    ['a reduction of 40%', { ...reduction, percent: 40 }, 'INVALID_PERCENT'],
    ['a reduction without a percentage', { ...reduction, percent: null }, 'INVALID_PERCENT'],
    ['a reduction of thirteen months', { ...reduction, untilMonth: '2027-03' }, 'REDUCTION_TOO_LONG'],
    ['a reduction without an end', { ...reduction, untilMonth: null }, 'UNTIL_MONTH_REQUIRED'],
    ['a reduction for 50 years of party age', { ...reduction, ground: 'PARTY_AGE_50' }, 'GROUND_NOT_FOR_REDUCTION'],
    ['hardship without the member’s application', { ...reduction, applicationReference: ' ' }, 'APPLICATION_REQUIRED'],
    ['a waiver with a percentage', { ...waiver, percent: 50 }, 'INVALID_PERCENT'],
    ['an end before the start', { ...waiver, untilMonth: '2026-02' }, 'INVALID_PERIOD'],
    ['a decision dated tomorrow', { ...waiver, decidedOn: '2026-02-26' }, 'DECIDED_IN_FUTURE'],
    ['no reference', { ...waiver, reference: '  ' }, 'REFERENCE_REQUIRED'],
  ] as const)('refuses %s', (_what, input, code) => {
    expect(codes(input as ReliefInput)).toEqual([code]);
  });

  it('says each refusal in Vietnamese, by its field', () => {
    for (const e of reliefErrors({ ...reduction, percent: 40, untilMonth: '2027-06', applicationReference: null }, '2026-02-25')) {
      expect(e.field).toBeTruthy();
      expect(e.message).toMatch(/[ạảãáàâăđêôơư]/u);
    }
  });
});
