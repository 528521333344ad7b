import type { UserError } from '@dangvu/subgraph-kit';

/** A temporary transfer's planned period: from the decision's effective day to the planned end. */
export interface TemporaryPeriod {
  startsOn: string;
  endsOn: string;
  /** Full-time study in the country may last longer (docs/rules/transfers.md#temporary-transfer-length). */
  fullTimeStudy: boolean;
}

/** The same day `months` calendar months later; on the last day of the month when it is shorter (31/01 + 1 = 28/02). */
export function addMonths(day: string, months: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date, last));
  return target.toISOString().slice(0, 10);
}

const refused = (code: string, message: string): UserError => ({ code, field: 'endsOn', message });

/**
 * Why a temporary transfer cannot run for this period (docs/rules/transfers.md#temporary-transfer-length):
 * under three months is no transfer at all; a year or more (for full-time study, more than two years) is an
 * official transfer. Days compare as YYYY-MM-DD strings.
 */
export function temporaryPeriodErrors({ startsOn, endsOn, fullTimeStudy }: TemporaryPeriod): UserError[] {
  if (endsOn <= startsOn) return [refused('INVALID_PERIOD', 'Ngày kết thúc phải sau ngày bắt đầu sinh hoạt tạm thời.')];
  if (endsOn < addMonths(startsOn, 3)) {
    return [refused('TOO_SHORT_FOR_TRANSFER', 'Dưới 3 tháng thì không chuyển sinh hoạt đảng tạm thời: đồng chí vẫn sinh hoạt ở chi bộ hiện nay.')];
  }
  if (fullTimeStudy ? endsOn > addMonths(startsOn, 24) : endsOn >= addMonths(startsOn, 12)) {
    return [
      refused(
        'MUST_BE_OFFICIAL',
        fullTimeStudy
          ? 'Đi học tập trung trên 2 năm phải chuyển sinh hoạt đảng chính thức, không chuyển tạm thời.'
          : 'Từ 1 năm trở lên phải chuyển sinh hoạt đảng chính thức, không chuyển tạm thời.',
      ),
    ];
  }
  return [];
}

/**
 * Why the host may not extend to `newEndsOn`: the extension must end later than the current plan, and the whole
 * period, counted from its first day, stays within what a temporary transfer may last.
 */
export function extensionErrors(period: TemporaryPeriod, newEndsOn: string): UserError[] {
  if (newEndsOn <= period.endsOn) return [refused('EXTENSION_NOT_LATER', 'Ngày kết thúc mới phải sau ngày kết thúc hiện nay.')];
  return temporaryPeriodErrors({ ...period, endsOn: newEndsOn });
}
