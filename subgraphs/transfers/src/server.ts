import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { DbHandle } from '@dangvu/drizzle';
import { cachedWorkingCalendar, personSigner, type SubgraphDefinition } from '@dangvu/subgraph-kit';
import { parse } from 'graphql';
import { calendarService } from './calendar/calendar.service.ts';
import type { TransfersContext } from './context.ts';
import { chromiumPrinter, type PdfPrinter } from '@dangvu/subgraph-kit/printing';
import { letterService } from './letter/letter.service.ts';
import { rules } from './permissions.ts';
import { transfersStore } from './repositories.ts';
import { resolvers } from './resolvers/index.ts';

import { transferSecrets } from './signature/transfer-secrets.ts';
import { deadlinesJob } from './transfer/deadlines.job.ts';
import { DEFAULT_ESCALATION_WORKING_DAYS } from './transfer/deadlines.rules.ts';
import { transferLoaders } from './transfer/transfer.loaders.ts';
import { transferReadService } from './transfer/transfer-reads.service.ts';
import { transferService } from './transfer/transfer.service.ts';
import { transferVouchers } from './voucher/transfer-vouchers.ts';

export const typeDefs = parse(readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8'));

export interface TransfersOptions {
  /**
   * Seals people's signing keys and authenticates vouchers (TRANSFERS_SECRETS_KEY). Without it (tests, a
   * first development start) a key of this process only: keys sealed under it cannot be opened after a
   * restart, so people get new keys then, and vouchers do not pass from one process to another.
   */
  secretsKey?: Buffer;
  escalateAfterWorkingDays?: number;
  /** The web app's origin, for the link on the letter's QR code. */
  publicOrigin?: string;
  printer?: PdfPrinter;
  now?: () => Date;
  /** The day of the next month on which a month's report figures freeze (REPORT_FREEZE_DAY, default 20). */
  reportFreezeDay?: number;
}

import { transferFiguresLoader } from './report/transfer-figures.loaders.ts';
import { transfersMonthlyFiguresJob } from './report/monthly-figures.job.ts';

export function transfersSubgraph({ db }: DbHandle, options: TransfersOptions = {}): SubgraphDefinition<TransfersContext> {
  const store = transfersStore(db);
  const now = options.now ?? (() => new Date());
  const secrets = transferSecrets(options.secretsKey ?? randomBytes(32));
  const sign = personSigner(secrets);
  const vouchers = transferVouchers(secrets, now);
  const escalateAfterWorkingDays = options.escalateAfterWorkingDays ?? DEFAULT_ESCALATION_WORKING_DAYS;
  const letters = letterService(store, { printer: options.printer ?? chromiumPrinter(), publicOrigin: options.publicOrigin ?? 'http://localhost:3000' });
  // One per process: the adjustments change a few times a year (docs/rules/working-days.md#caching).
  const workingCalendar = cachedWorkingCalendar(() => store.repos.calendar.all());
  return {
    name: 'transfers',
    typeDefs,
    resolvers: resolvers as SubgraphDefinition<TransfersContext>['resolvers'],
    rules,
    jobs: [deadlinesJob({ escalateAfterWorkingDays }), transfersMonthlyFiguresJob({ freezeDay: options.reportFreezeDay ?? 20, now })],
    context: (base) => {
      const loaders = transferLoaders(store.repos);
      return {
        ...base,
        loaders,
        calendar: calendarService(store, workingCalendar, base),
        transfers: transferService(store, base, { vouchers, sign, calendar: workingCalendar, now }),
        reads: transferReadService(store, loaders, base, { calendar: workingCalendar, now, escalateAfterWorkingDays }),
        vouchers,
        letters,
        figures: transferFiguresLoader(store.repos, now),
        now,
      };
    },
  };
}
