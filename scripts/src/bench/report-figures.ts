import { createDb } from '@dangvu/drizzle';
import { addMonths, vietnamDay, type FiguresSource } from '@dangvu/subgraph-kit';
import { duesFiguresRepository } from '../../../subgraphs/dues/src/report/dues-figures.repository.ts';
import { memberFiguresRepository } from '../../../subgraphs/members/src/report/member-figures.repository.ts';
import { transferFiguresRepository } from '../../../subgraphs/transfers/src/report/transfer-figures.repository.ts';

/**
 * `DATABASE_URL=… node scripts/src/bench/report-figures.ts`: the monthly report's three parts on a seeded
 * database (`npm run seed -- --scale province`), for the root and the organizations directly under it, as
 * the report page asks them: live, frozen once (the deadline's job), then read frozen three times. Last
 * month, frozen at its freeze day; a second run reads what the first froze (the freeze then writes nothing).
 * Times are wall-clock on one connection, the repositories' own statements (docs/benchmarks.md).
 */
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL: the seeded database to measure');
const handle = createDb(url, { max: 1 });
const month = addMonths(vietnamDay(new Date()).slice(0, 7), -1);
const freezeAt = new Date(`${addMonths(month, 1)}-20T00:00:00+07:00`);

async function time<T>(label: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  console.log(`report-figures | ${label}: ${(performance.now() - started).toFixed(0)} ms`);
  return result;
}

try {
  const roots = await handle.sql<{ id: string; path: string }[]>`select id, path from organization.organizations where parent_id is null`;
  const [root] = roots;
  if (!root) throw new Error('no organization: seed the database first');
  const children = await handle.sql<{ path: string }[]>`select path from organization.organizations where parent_id = ${root.id}`;
  const paths = [root.path, ...children.map((child) => child.path)];
  console.log(`report-figures | month ${month}, the root and ${children.length} organizations under it`);
  const members = memberFiguresRepository(handle.db);
  const sources: [string, FiguresSource<{ orgPath: string }>][] = [
    ['members', members],
    ['dues', duesFiguresRepository(handle.db)],
    ['transfers', transferFiguresRepository(handle.db)],
  ];
  for (const [name, source] of sources) {
    await time(`${name}: live`, () => source.live(month, paths, freezeAt));
    await time(`${name}: freeze, every organization`, () => source.freeze(month, freezeAt));
    for (let run = 1; run <= 3; run++) await time(`${name}: frozen read ${run}`, () => source.frozen(month, paths));
  }
  await time('members: lagging units under the root, frozen', () =>
    members.ranked(month, root.path, {
      frozen: true,
      numerator: 'accounts_activated',
      denominator: 'in_scope',
      limit: 10,
      now: freezeAt,
      childrenOf: () => {
        throw new Error('a frozen month ranks its frozen rows');
      },
    }),
  );
} finally {
  await handle.close();
}
