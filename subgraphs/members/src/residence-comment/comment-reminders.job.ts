import { daily, defineJob, isCalendarDay, vietnamDay, type Executor } from '@dangvu/subgraph-kit';
import { repositories, type Repositories } from '../repositories.ts';
import type { CommentRequestRow } from './residence-comment.repository.ts';
import { reminderFrom } from './residence-comment.rules.ts';

const BATCH = 500;

/** What the day brings to one open request: its reminder, its overdue flag, or nothing. */
export function flagsDue(row: Pick<CommentRequestRow, 'dueOn' | 'remindedOn' | 'overdueOn'>, day: string): Partial<Pick<CommentRequestRow, 'remindedOn' | 'overdueOn'>> | null {
  if (day > row.dueOn) return row.overdueOn ? null : { overdueOn: day };
  if (day >= reminderFrom(row.dueOn) && !row.remindedOn) return { remindedOn: day };
  return null;
}

/**
 * Every day (docs/rules/residence-comments.md#reminders-and-overdue): an open request within a week of its due
 * day is marked reminded, one past it overdue, each once and audited, so that the inboxes put them first and the
 * reports count them. A second run of the same day changes nothing.
 */
export const commentReminders = defineJob<{ day: string }, string, Repositories>({
  name: 'members.comment-reminders',
  description: 'Nhắc hạn và đánh dấu quá hạn các đề nghị lấy ý kiến nhận xét nơi cư trú',
  keyOf: ({ day }) => day,
  argsOf(key) {
    if (!isCalendarDay(key)) throw new Error(`${key} is not a day (YYYY-MM-DD)`);
    return { day: key };
  },
  repositories: (executor: Executor) => repositories(executor),
  async step({ args, key, repos }, cursor) {
    const rows = await repos.residenceComments.openAfter(cursor, BATCH);
    for (const row of rows) {
      const flags = flagsDue(row, args.day);
      if (!flags) continue;
      await repos.residenceComments.flag(row.id, flags);
      await repos.audit.append([
        {
          actorId: null,
          requestId: `job:members.comment-reminders:${key}`,
          action: flags.overdueOn ? 'residenceComment.overdue' : 'residenceComment.reminded',
          entityType: 'ResidenceComment',
          entityId: row.id,
          after: { ...flags, dueOn: row.dueOn, state: row.state },
          orgPath: row.workplacePath,
          subjectMemberId: row.memberId,
        },
      ]);
    }
    return rows.length < BATCH ? { processed: rows.length, finished: true } : { processed: rows.length, next: rows.at(-1)!.id };
  },
  schedule: { when: daily('01:30'), args: (due) => ({ day: vietnamDay(due) }) },
});
