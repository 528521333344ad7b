import { daily, defineJob, vietnamDay } from '@dangvu/subgraph-kit';
import { signInWindowRepository } from './sign-in-window.repository.ts';

const BATCH = 1000;

/**
 * Windows that ended before a day are of no further use (docs/rules/accounts.md#lock-out): an unknown username
 * tried once leaves one behind, so they are deleted each night rather than left to grow.
 */
export const signInWindowsPurge = defineJob({
  name: 'members.sign-in-windows',
  description: 'Xóa các lượt đếm đăng nhập đã hết hạn trước một ngày',
  keyOf: (args: { day: string }) => args.day,
  argsOf: (key) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(key)) throw new Error(`${key} is not a day (YYYY-MM-DD)`);
    return { day: key };
  },
  repositories: signInWindowRepository,
  async step({ args, repos }) {
    const deleted = await repos.purgeEndedBefore(new Date(`${args.day}T00:00:00+07:00`), BATCH);
    return deleted < BATCH ? { processed: deleted, finished: true } : { processed: deleted, next: null };
  },
  schedule: { when: daily('03:00'), args: (due) => ({ day: vietnamDay(due) }) },
});
