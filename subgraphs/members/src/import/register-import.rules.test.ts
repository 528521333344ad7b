import { describe, expect, it } from 'vitest';
import { parseDay, parseImportSheet, searchText, validateRow } from './register-import.rules.ts';
import { parseCsv } from '@dangvu/subgraph-kit';

const TODAY = '2026-12-02';
const valid = {
  citizenId: '037080111001',
  fullName: 'Trần Văn Bình',
  gender: 'Nam',
  birthDate: '17/05/1980',
  joinedOn: '26/03/2010',
  officialOn: '26/03/2011',
};
const codes = (cells: Record<string, string>) => {
  const checked = validateRow(cells, TODAY);
  return 'errors' in checked ? checked.errors.map((e) => `${e.field}:${e.code}`) : [];
};

describe('parseDay', () => {
  it.each([
    ['17/05/1980', '1980-05-17'],
    ['1/2/2001', '2001-02-01'],
    ['29-02-2024', '2024-02-29'],
    ['2010-03-26', '2010-03-26'],
    ['29/02/2023', null],
    ['31/04/2020', null],
    ['00/01/2020', null],
    ['2020/01/01', null],
    ['hôm qua', null],
  ])('%s → %s', (text, day) => expect(parseDay(text)).toBe(day));
});

describe('validateRow', () => {
  it.each([
    ['a complete row', {}, []],
    ['no citizen ID', { citizenId: ' ' }, ['citizenId:MISSING_FIELD']],
    ['a citizen ID of 11 digits', { citizenId: '03708011100' }, ['citizenId:INVALID_CITIZEN_ID']],
    ['a province code 099', { citizenId: '099080111001' }, ['citizenId:INVALID_CITIZEN_ID']],
    ['a citizen ID of a woman for a man', { citizenId: '037180111001' }, ['citizenId:CITIZEN_ID_MISMATCH']],
    ['a citizen ID of another birth year', { citizenId: '037081111001' }, ['citizenId:CITIZEN_ID_MISMATCH']],
    ['a 30 February', { birthDate: '30/02/1980' }, ['birthDate:INVALID_DATE']],
    ['a birth 130 years ago', { birthDate: '01/01/1896', citizenId: '037096111001' }, ['citizenId:CITIZEN_ID_MISMATCH', 'birthDate:IMPOSSIBLE_DATE']],
    ['a join date next year', { joinedOn: '01/01/2027', officialOn: '' }, ['joinedOn:DATE_IN_FUTURE']],
    ['joining at 17', { joinedOn: '01/01/1997', officialOn: '' }, ['joinedOn:JOINED_TOO_YOUNG']],
    ['an official date after 11 months', { officialOn: '25/02/2011' }, ['officialOn:PROBATION_TOO_SHORT']],
    ['a card for a probationary member', { officialOn: '', cardNumber: 'NB.1' }, ['cardNumber:PROBATIONARY_WITH_CARD']],
    ['an unknown sex', { gender: 'X' }, ['gender:INVALID_GENDER']],
    ['a name with digits', { fullName: 'Trần Văn 2' }, ['fullName:INVALID_NAME']],
    ['a malformed dossier number', { dossierNumber: '12345NB' }, ['dossierNumber:INVALID_DOSSIER_NUMBER']],
    ['an organization that is no id', { organizationId: 'chi bộ 1' }, ['organizationId:INVALID_ORGANIZATION']],
  ])('%s', (_name, change, expected) => expect(codes({ ...valid, ...change })).toEqual(expected));

  it('reads "Nữ", "nu" and "Female" alike, and makes a row without official date probationary', () => {
    const checked = validateRow({ ...valid, citizenId: '001185222002', gender: 'nu', birthDate: '03/02/1985', officialOn: '' }, TODAY);
    expect(checked).toMatchObject({ record: { gender: 'FEMALE', membershipKind: 'PROBATIONARY', officialOn: null } });
  });
});

describe('parseImportSheet', () => {
  it('knows headers with or without diacritics and in any case, skips empty rows, numbers rows as the sheet does', () => {
    const parsed = parseImportSheet(
      parseCsv(Buffer.from('SO CCCD;Họ Và Tên;gioi_tinh;Ngày sinh;NGAY VAO DANG;Cột lạ\n037080111001;Trần Văn Bình;Nam;17/05/1980;26/03/2010;x\n;;;;;\n037080111001;Trần Văn Bình;Nam;17/05/1980;26/03/2010;x\n')),
      TODAY,
    );
    expect(parsed).toMatchObject({
      columns: ['citizenId', 'fullName', 'gender', 'birthDate', 'joinedOn'],
      rows: [{ rowNumber: 2, record: { citizenId: '037080111001' } }, { rowNumber: 4, errors: [{ code: 'DUPLICATE_IN_FILE', message: 'Số căn cước này đã có ở dòng 2.' }] }],
    });
  });

  it('reads quoted fields with commas, quotes and line breaks', () => {
    expect(parseCsv(Buffer.from('a,b\n"x, ""y""\nz",w\r\n'))).toEqual([['a', 'b'], ['x, "y"\nz', 'w']]);
  });

  it('strips diacritics as the register does, đ included', () => {
    expect(searchText('  Đỗ  Thị Ngọc Ánh ')).toBe('do thi ngoc anh');
  });
});
