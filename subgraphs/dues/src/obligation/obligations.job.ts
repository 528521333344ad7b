import { consoleLogger, defineJob, monthly, vietnamDay, type Executor, type Logger } from '@dangvu/subgraph-kit';
import type { WageRegion } from '../rates/rates.config.ts';
import { repositories, type Repositories } from '../repositories.ts';
import { planObligation, type PlannedObligation, type Relief, type TemporaryExemption, type VoluntaryAmount } from './obligation.rules.ts';

const BATCH = 1000;
/** Member ids named in a skipped batch's log line, enough to look one up. */
const LOGGED_IDS = 5;
const YEAR_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * Each month's obligations (docs/rules/dues-obligations.md#the-monthly-run): one per payer on the roll for the
 * month, reckoned by the rate table in force and the decisions in force, at the payer's organization. Keyed by
 * the month, so a second run of a finished month does nothing; a crash resumes after the last member id
 * recorded, and a month already made is never made twice (unique on member and month) nor changed. A payer whose
 * month cannot be reckoned (no basis; no wage region for the organization and no default) is skipped and logged.
 */
export function obligationsJob({ defaultWageRegion, log = consoleLogger }: { defaultWageRegion: WageRegion | null; log?: Logger }) {
  return defineJob<{ month: string }, string, Repositories>({
    name: 'dues.obligations',
    description: 'Lập khoản đảng phí phải đóng của tháng cho từng đảng viên',
    keyOf: ({ month }) => month,
    argsOf(key) {
      if (!YEAR_MONTH.test(key)) throw new Error(`${key} is not a month (YYYY-MM)`);
      return { month: key };
    },
    repositories: (executor: Executor) => repositories(executor),
    total: ({ args, repos }) => repos.obligations.countPayers(`${args.month}-01`),
    async step({ args, repos }, cursor) {
      const period = `${args.month}-01`;
      const payers = await repos.obligations.payersAfter(period, cursor, BATCH);
      if (payers.length === 0) return { processed: 0, finished: true };
      const memberIds = payers.map((payer) => payer.memberId);
      const reliefs = new Map<string, Relief[]>();
      for (const relief of await repos.obligations.reliefsIn(memberIds, period)) reliefs.set(relief.memberId, [...(reliefs.get(relief.memberId) ?? []), relief]);
      const voluntary = new Map<string, VoluntaryAmount[]>();
      for (const amount of await repos.obligations.voluntaryAmountsBy(memberIds, period)) voluntary.set(amount.memberId, [...(voluntary.get(amount.memberId) ?? []), amount]);
      const exemptions = new Map<string, TemporaryExemption[]>();
      for (const exemption of await repos.temporaryExemptions.coveringMonth(memberIds, period)) exemptions.set(exemption.memberId, [...(exemptions.get(exemption.memberId) ?? []), exemption]);
      const regions = new Map((await repos.obligations.regionsOf([...new Set(payers.map((payer) => payer.orgId))])).map((row) => [row.orgId, row.region]));
      const planned: PlannedObligation[] = [];
      const skipped = new Map<string, string[]>();
      for (const payer of payers) {
        const result = planObligation(payer, period, regions.get(payer.orgId) ?? defaultWageRegion, reliefs.get(payer.memberId) ?? [], voluntary.get(payer.memberId) ?? [], exemptions.get(payer.memberId) ?? []);
        if (result.ok) planned.push(result.obligation);
        else skipped.set(result.code, [...(skipped.get(result.code) ?? []), payer.memberId]);
      }
      // One line per reason and batch: a province with no wage region set would otherwise log a line per member.
      for (const [code, memberIds] of skipped) {
        log.warn('dues.obligations: no obligation made for payers whose month cannot be reckoned', {
          month: args.month,
          code,
          count: memberIds.length,
          memberIds: memberIds.slice(0, LOGGED_IDS),
        });
      }
      await repos.obligations.insertMissing(planned);
      const next = payers.at(-1)!.memberId;
      return payers.length < BATCH ? { processed: payers.length, finished: true } : { processed: payers.length, next };
    },
    schedule: { when: monthly(1, '00:30'), args: (due) => ({ month: vietnamDay(due).slice(0, 7) }) },
  });
}
