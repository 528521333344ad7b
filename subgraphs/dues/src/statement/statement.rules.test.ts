import { describe, expect, it } from 'vitest';
import { BANK_PRESETS } from './bank-presets.config.ts';
import { parseStatementAmount, parseStatementDay, readStatement } from './statement.rules.ts';

describe('parseStatementAmount', () => {
  it.each([
    ['1.500.000', 1_500_000n],
    ['1,500,000', 1_500_000n],
    ['1500000', 1_500_000n],
    ['1.500.000,00', 1_500_000n],
    ['1,500,000.00', 1_500_000n],
    ['+150,000 VND', 150_000n],
    ['3.000', 3_000n],
    ['3000.00', 3_000n],
    ['', 0n],
    ['-', 0n],
    ['0', 0n],
  ])('reads %j as %s dong', (text, amount) => expect(parseStatementAmount(text)).toBe(amount));

  it.each(['1.500,50', '12.5', 'mười nghìn', '1.50.000', '-3000', '12,34,567'])('refuses %j (not whole dong)', (text) => expect(parseStatementAmount(text)).toBeNull());
});

describe('parseStatementDay', () => {
  it.each([
    ['05/03/2026', '2026-03-05'],
    ['5/3/2026 14:02:37', '2026-03-05'],
    ['05-03-2026', '2026-03-05'],
    ['2026-03-05', '2026-03-05'],
    ['2026-03-05 10:00:00', '2026-03-05'],
  ])('reads %j as %s', (text, day) => expect(parseStatementDay(text)).toBe(day));
  it.each(['31/02/2026', '2026/03/05', 'hôm qua', '03/2026'])('refuses %j', (text) => expect(parseStatementDay(text)).toBeNull());
});

describe('readStatement', () => {
  const bidv = [
    ['NGÂN HÀNG TMCP ĐẦU TƯ VÀ PHÁT TRIỂN VIỆT NAM'],
    ['Số tài khoản: 12010000123456', ''],
    [],
    ['STT', 'Ngày hiệu lực', 'Số tham chiếu', 'Ghi nợ', 'Ghi có', 'Số dư', 'Mô tả'],
    ['1', '02/03/2026', 'FT2606112345', '', '3.000', '103.000', 'MBVCB.453099.DPABCDEFGH DANG PHI'],
    ['2', '02/03/2026', 'FT2606112346', '50.000', '', '53.000', 'Phi dich vu'],
    ['', 'Tổng cộng', '', '50.000', '3.000', '', ''],
  ];

  it('finds the header under the bank’s preamble, takes credited lines and passes over debits and totals', () => {
    expect(readStatement(bidv, BANK_PRESETS.BIDV.columns)).toEqual({
      lines: [{ rowNumber: 5, bookedOn: '2026-03-02', amount: 3_000n, narrative: 'MBVCB.453099.DPABCDEFGH DANG PHI', reference: 'FT2606112345' }],
    });
  });

  it('matches headers whatever their case and diacritics', () => {
    const sheet = [['NGAY HIEU LUC', 'so tham chieu', 'GHI CO', 'mo ta'], ['02/03/2026', 'R1', '3000', 'x']];
    expect(readStatement(sheet, BANK_PRESETS.BIDV.columns)).toMatchObject({ lines: [{ reference: 'R1', amount: 3_000n }] });
  });

  it('refuses a file whose header the preset does not find, naming the columns it looked for', () => {
    const reading = readStatement(bidv, BANK_PRESETS.VIETINBANK.columns);
    expect(reading).toEqual({ fileErrors: [{ code: 'COLUMNS_NOT_FOUND', field: 'preset', message: expect.stringContaining('Ngày hạch toán') }], rowErrors: [] });
  });

  it('refuses the whole file with each bad row in Vietnamese', () => {
    const sheet = [bidv[3]!, ['1', '31/02/2026', 'R1', '', '3.000', '', 'a'], ['2', '02/03/2026', 'R2', '', '3.000,5', '', 'b'], ['3', '02/03/2026', 'R3', '', '3.000', '', 'c']];
    expect(readStatement(sheet, BANK_PRESETS.BIDV.columns)).toEqual({
      fileErrors: [{ code: 'INVALID_ROWS', field: 'uploadId', message: 'Sao kê có 2 dòng sai: chưa ghi nhận khoản nào. Đồng chí sửa các dòng được liệt kê rồi tải lại.' }],
      rowErrors: [
        { rowNumber: 2, errors: [{ code: 'INVALID_DATE', field: 'date', message: 'Dòng 2: ngày „31/02/2026" không đọc được (cần dạng ngày/tháng/năm).' }] },
        { rowNumber: 3, errors: [{ code: 'INVALID_AMOUNT', field: 'credit', message: 'Dòng 3: số tiền ghi có „3.000,5" không phải số đồng hợp lệ.' }] },
      ],
    });
  });

  it('gives a file without references the same stand-in reference for the same line, and two identical lines two', () => {
    const sheet = [['Ngày GD', 'Diễn giải', 'Ghi nợ', 'Ghi có'], ['02/03/2026', 'DPABCDEFGH', '', '3000'], ['02/03/2026', 'DPABCDEFGH', '', '3000']];
    const first = readStatement(sheet, BANK_PRESETS.GENERIC.columns) as { lines: { reference: string }[] };
    const again = readStatement(sheet.slice(0, 2), BANK_PRESETS.GENERIC.columns) as { lines: { reference: string }[] };
    expect(first.lines).toHaveLength(2);
    expect(first.lines[0]!.reference).not.toBe(first.lines[1]!.reference);
    expect(again.lines[0]!.reference).toBe(first.lines[0]!.reference);
  });

  it('refuses a file in which one reference is on two lines', () => {
    const sheet = [bidv[3]!, ['1', '02/03/2026', 'R1', '', '3.000', '', 'a'], ['2', '02/03/2026', 'R1', '', '4.000', '', 'b']];
    expect(readStatement(sheet, BANK_PRESETS.BIDV.columns)).toMatchObject({ fileErrors: [{ code: 'DUPLICATE_REFERENCE' }], rowErrors: [{ rowNumber: 3 }] });
  });

  it.each(Object.entries(BANK_PRESETS))('the %s preset reads an export headed with its own first names', (_, preset) => {
    const { date, credit, narrative, reference } = preset.columns;
    const sheet = [[date[0], reference[0], credit[0], narrative[0]], ['02/03/2026', 'R9', '12.000', 'DPABCDEFGH']];
    expect(readStatement(sheet, preset.columns)).toMatchObject({ lines: [{ reference: 'R9', amount: 12_000n }] });
  });
});
