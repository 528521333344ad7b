import { describe, expect, it } from 'vitest';
import type { MemberRow } from '../member.repository.ts';
import { dossierKeeperPath, identityDiff, stillAsProposed } from './identity-edit.rules.ts';

const kinds = new Map([
  ['p', 'PROVINCIAL'],
  ['w', 'PROVINCE_SUBORDINATE'],
  ['gc', 'GRASSROOTS_COMMITTEE'],
  ['pc', 'PARTIAL_COMMITTEE'],
  ['sc', 'SUBORDINATE_CELL'],
  ['cell', 'GRASSROOTS_CELL'],
]);

describe('the grassroots organization that keeps a dossier', () => {
  it.each([
    ['/p/w/gc/sc/', '/p/w/gc/'],
    ['/p/w/gc/pc/sc/', '/p/w/gc/'],
    ['/p/w/cell/', '/p/w/cell/'],
    ['/p/w/gc/', '/p/w/gc/'],
    ['/p/w/', null],
    ['/p/w/unknown/', null],
  ])('for a member of %s is %s', (path, keeper) => {
    expect(dossierKeeperPath(path, kinds)).toBe(keeper);
  });
});

describe('a proposal against the record', () => {
  const record = { fullName: 'Nguyễn Văn A', gender: 'MALE', birthDate: '1980-01-02', citizenId: '037080000001', membershipKind: 'OFFICIAL', officialOn: '2010-05-01' } as MemberRow;

  it('keeps only the fields that change, before and after, with the name tidied', () => {
    expect(identityDiff(record, { fullName: ' Nguyễn  Văn Á ', gender: 'MALE', officialOn: null })).toEqual({
      before: { fullName: 'Nguyễn Văn A', officialOn: '2010-05-01' },
      after: { fullName: 'Nguyễn Văn Á', officialOn: null },
    });
  });

  it('is NOTHING_TO_CHANGE when every value is already the record’s', () => {
    expect(identityDiff(record, { fullName: 'Nguyễn Văn A', birthDate: '1980-01-02' })).toMatchObject({ code: 'NOTHING_TO_CHANGE' });
  });

  it('does not promote a probationary member: recognition is its own decision', () => {
    expect(identityDiff({ ...record, membershipKind: 'PROBATIONARY', officialOn: null }, { membershipKind: 'OFFICIAL', officialOn: '2011-01-01' })).toMatchObject({ code: 'USE_RECOGNITION' });
  });

  it('applies only over the values it was proposed against', () => {
    expect(stillAsProposed(record, { fullName: 'Nguyễn Văn A' })).toBe(true);
    expect(stillAsProposed({ ...record, fullName: 'Nguyễn Văn B' }, { fullName: 'Nguyễn Văn A' })).toBe(false);
  });
});
