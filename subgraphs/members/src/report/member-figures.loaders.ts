import DataLoader from 'dataloader';
import { appError, isYearMonth, vietnamDay } from '@dangvu/subgraph-kit';
import type { Repositories } from '../repositories.ts';
import { MEMBER_FIGURES_DEFINITION, type MemberFiguresRow } from './member-figures.repository.ts';

/** A month's figures as the report shows them: frozen rows once the month is frozen, else computed now. */
export interface MonthlyFiguresOfMembers extends MemberFiguresRow {
  month: string;
  frozen: boolean;
  frozenAt: Date | null;
  definition: number;
}

const empty = (path: string): MemberFiguresRow => ({
  orgId: path.split('/').filter(Boolean).at(-1)!,
  orgPath: path,
  members: 0,
  inScope: 0,
  outExempt: 0,
  outAbroad: 0,
  outOrganizationExcluded: 0,
  outNotYetOnline: 0,
  accountsIssued: 0,
  accountsActivated: 0,
  accountsUsed30Days: 0,
  commentsRequested: 0,
  commentsAnswered: 0,
  commentsOverdue: 0,
});

/** A month in the report's reach: `YYYY-MM`, not after the month in progress; else BAD_USER_INPUT. */
export function checkedMonth(month: string, now: Date): string {
  if (!isYearMonth(month)) throw appError('BAD_USER_INPUT', `Tháng ${month} không hợp lệ: hãy nhập theo dạng YYYY-MM.`);
  if (month > vietnamDay(now).slice(0, 7)) throw appError('BAD_USER_INPUT', `Tháng ${month} chưa đến: chưa có số liệu.`);
  return month;
}

/**
 * Per request, keyed `month|path`: one statement per month asked for the whole batch (a report asks for an
 * organization, its children and the month before), reading frozen rows when the month has been frozen.
 */
export function memberFiguresLoader(repos: Pick<Repositories, 'memberFigures'>, now: () => Date) {
  return new DataLoader<string, MonthlyFiguresOfMembers>(async (keys) => {
    const byMonth = Map.groupBy(
      keys.map((key) => key.split('|') as [string, string]),
      ([month]) => month,
    );
    const frozenMonths = await repos.memberFigures.frozenMonths([...byMonth.keys()]);
    const answers = new Map<string, MonthlyFiguresOfMembers>();
    for (const [month, pairs] of byMonth) {
      const paths = [...new Set(pairs.map(([, path]) => path))];
      if (frozenMonths.has(month)) {
        const rows = new Map((await repos.memberFigures.frozen(month, paths)).map((row) => [row.orgPath, row]));
        for (const path of paths) {
          const row = rows.get(path);
          // An organization that held no member at the freeze has no row: its figures are zeros, frozen all the same.
          answers.set(`${month}|${path}`, row ? { ...row, frozen: true } : { ...empty(path), month, frozen: true, frozenAt: null, definition: MEMBER_FIGURES_DEFINITION });
        }
      } else {
        const rows = new Map((await repos.memberFigures.live(month, paths, now())).map((row) => [row.orgId, row]));
        for (const path of paths) {
          const row = rows.get(empty(path).orgId) ?? empty(path);
          answers.set(`${month}|${path}`, { ...row, orgPath: path, month, frozen: false, frozenAt: null, definition: MEMBER_FIGURES_DEFINITION });
        }
      }
    }
    return keys.map((key) => answers.get(key)!);
  });
}

export type MemberFiguresLoader = ReturnType<typeof memberFiguresLoader>;
