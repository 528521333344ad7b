import { describe, expect, it } from 'vitest';
import { addMonths, extensionErrors, temporaryPeriodErrors } from './temporary-period.rules.ts';

const codes = (startsOn: string, endsOn: string, fullTimeStudy = false) => temporaryPeriodErrors({ startsOn, endsOn, fullTimeStudy }).map((e) => e.code);

describe('how long a temporary transfer may run', () => {
  it('is no transfer under three months', () => {
    expect(codes('2026-03-01', '2026-05-31')).toEqual(['TOO_SHORT_FOR_TRANSFER']);
    expect(codes('2026-03-01', '2026-06-01')).toEqual([]);
  });

  it('must be official from a year on, for work or residence', () => {
    expect(codes('2026-03-01', '2027-02-28')).toEqual([]);
    expect(codes('2026-03-01', '2027-03-01')).toEqual(['MUST_BE_OFFICIAL']);
  });

  it('may run up to two years for full-time study in the country, and must be official beyond', () => {
    expect(codes('2026-09-01', '2028-09-01', true)).toEqual([]);
    expect(codes('2026-09-01', '2028-09-02', true)).toEqual(['MUST_BE_OFFICIAL']);
    expect(codes('2026-09-01', '2026-11-30', true)).toEqual(['TOO_SHORT_FOR_TRANSFER']);
  });

  it('refuses an end before the start', () => {
    expect(codes('2026-03-01', '2026-03-01')).toEqual(['INVALID_PERIOD']);
  });

  it('says so in Vietnamese on the end day', () => {
    expect(temporaryPeriodErrors({ startsOn: '2026-03-01', endsOn: '2027-06-01', fullTimeStudy: false })).toEqual([
      { code: 'MUST_BE_OFFICIAL', field: 'endsOn', message: 'Từ 1 năm trở lên phải chuyển sinh hoạt đảng chính thức, không chuyển tạm thời.' },
    ]);
  });
});

describe('an extension by the host', () => {
  const period = { startsOn: '2026-03-01', endsOn: '2026-09-01', fullTimeStudy: false };

  it('must end later than the current plan', () => {
    expect(extensionErrors(period, '2026-09-01').map((e) => e.code)).toEqual(['EXTENSION_NOT_LATER']);
  });

  it('keeps the whole period, from its first day, under a year', () => {
    expect(extensionErrors(period, '2027-02-28')).toEqual([]);
    expect(extensionErrors(period, '2027-03-01').map((e) => e.code)).toEqual(['MUST_BE_OFFICIAL']);
  });
});

describe('addMonths', () => {
  it('keeps the day, or takes the month’s last', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2027-12-15', 3)).toBe('2028-03-15');
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
  });
});
