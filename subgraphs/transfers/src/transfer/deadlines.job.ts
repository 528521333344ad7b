import { createWorkingCalendar, daily, defineJob, isCalendarDay, transition, vietnamDay, type Executor, type WorkingCalendar } from '@dangvu/subgraph-kit';
import { DEADLINE_JOB } from '../policy.ts';
import { repositories, type Repositories } from '../repositories.ts';
import { presentDueOn, startDueOn } from './deadlines.rules.ts';
import { appendStep } from './step-recorder.ts';
import type { TransferLetterRow } from './transfer-letter.repository.ts';
import type { TransferRow } from './transfer.repository.ts';
import { entityOf, machineOf, stallPath } from './transfer.service.ts';

const BATCH = 200;

const unsigned = () => {
  throw new Error('the deadline job signs nothing');
};

/** What the job did to one dossier, if anything. */
async function checkDeadlines(repos: Repositories, row: TransferRow, letter: TransferLetterRow | null, calendar: WorkingCalendar, day: string, escalateAfter: number) {
  const key = `job:transfers.deadlines:${day}`;
  const audit = (action: string, after: Record<string, unknown>) =>
    repos.audit.append([{ actorId: null, requestId: key, action, entityType: 'Transfer', entityId: row.id, after, orgPath: row.originPath, subjectMemberId: row.memberId }]);

  if (row.state === 'IN_TRANSIT') {
    const decided = transition(machineOf(row.kind), entityOf(row, letter, calendar, day), 'MARK_OVERDUE', DEADLINE_JOB);
    if (!decided.ok) return;
    const after = await repos.transfers.advance(row.id, row.version, { state: decided.to, lastStepOn: day });
    if (!after) return;
    const dueOn = presentDueOn(calendar, letter!.issuedOn);
    await appendStep(repos, unsigned, row.id, after.version, { action: 'MARK_OVERDUE', fromState: row.state, toState: decided.to, actorId: null, onBehalfOf: null, decision: { dueOn }, at: new Date() });
    await audit('transfer.markOverdue', { state: decided.to, dueOn });
    return;
  }
  if ((row.state === 'DRAFT' || row.state === 'RETURNED_FOR_COMPLETION') && !row.startOverdueOn && day > startDueOn(calendar, row.effectiveOn)) {
    await repos.transfers.flag(row.id, { startOverdueOn: day });
    await audit('transfer.startOverdue', { dueOn: startDueOn(calendar, row.effectiveOn) });
    return;
  }
  const escalateTo = stallPath(row);
  if (escalateTo && !row.escalatedOn && row.lastStepOn && day > calendar.addWorkingDays(row.lastStepOn, escalateAfter)) {
    await repos.transfers.flag(row.id, { escalatedOn: day, escalationPath: escalateTo });
    await audit('transfer.escalated', { state: row.state, escalationPath: escalateTo, since: row.lastStepOn });
  }
}

/**
 * Every day (docs/rules/transfers.md#deadlines, #escalation): a letter not presented by deadline B makes its
 * dossier OVERDUE (a step of the machine, chained, unsigned); a request not submitted by deadline A is flagged;
 * a dossier held longer than `escalateAfterWorkingDays` at one organization is flagged into its superior's
 * inbox. Each only once, so a second run of the same day changes nothing.
 */
export function deadlinesJob({ escalateAfterWorkingDays }: { escalateAfterWorkingDays: number }) {
  return defineJob<{ day: string }, string, Repositories>({
    name: 'transfers.deadlines',
    description: 'Đánh dấu hồ sơ chuyển sinh hoạt quá hạn và đưa hồ sơ bị chậm vào hộp việc của cấp trên',
    keyOf: ({ day }) => day,
    argsOf(key) {
      if (!isCalendarDay(key)) throw new Error(`${key} is not a day (YYYY-MM-DD)`);
      return { day: key };
    },
    repositories: (executor: Executor) => repositories(executor),
    async step({ args, repos }, cursor) {
      const rows = await repos.transfers.openAfter(cursor, BATCH);
      if (rows.length === 0) return { processed: 0, finished: true };
      const calendar = createWorkingCalendar(await repos.calendar.all());
      const letters = new Map((await repos.letters.currentOf(rows.map((row) => row.id))).map((letter) => [letter.transferId, letter]));
      for (const row of rows) await checkDeadlines(repos, row, letters.get(row.id) ?? null, calendar, args.day, escalateAfterWorkingDays);
      return rows.length < BATCH ? { processed: rows.length, finished: true } : { processed: rows.length, next: rows.at(-1)!.id };
    },
    schedule: { when: daily('01:00'), args: (due) => ({ day: vietnamDay(due) }) },
  });
}
