import type { LoadResult } from './load.ts';

export interface Row {
  operation: string;
  result: LoadResult;
  /** CPU ms per request of each process that did any of the work. */
  cpuMsPerRequest: Record<string, number>;
  /** Peak resident memory of each process during the row's run, MB; the table shows those that worked. */
  peakMb: Record<string, number>;
}

export interface Target {
  what: string;
  measured: number;
  /** The comparison that meets the target. */
  goal: { atLeast: number } | { below: number };
  unit: string;
}

const fixed = (value: number, digits = 1) => value.toFixed(digits);

/** Processes that used at least this much CPU per request are listed; the rest are noise from their timers. */
const CPU_SHOWN_MS = 0.02;

const perProcess = (values: Record<string, number>, digits: number, floor = 0) =>
  Object.entries(values)
    .filter(([, value]) => value >= floor)
    .map(([name, value]) => `${name} ${fixed(value, digits)}`)
    .join(' · ');

/** A GitHub-flavoured Markdown table, so that the output pastes into docs/benchmarks.md as it is. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

export function resultsTable(rows: readonly Row[]): string {
  return table(
    ['operation', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'CPU ms per request', 'peak RSS MB'],
    rows.map(({ operation, result, cpuMsPerRequest, peakMb }) => {
      const worked = (name: string) => (cpuMsPerRequest[name] ?? 0) >= CPU_SHOWN_MS;
      return [
        operation,
        fixed(result.requestsPerSecond, 0),
        fixed(result.latencyMs.p50),
        fixed(result.latencyMs.p95),
        fixed(result.latencyMs.p99),
        `${result.errors}/${result.requests}`,
        perProcess(cpuMsPerRequest, 2, CPU_SHOWN_MS),
        perProcess(Object.fromEntries(Object.entries(peakMb).filter(([name]) => worked(name))), 0),
      ];
    }),
  );
}

export const met = (target: Target) => ('atLeast' in target.goal ? target.measured >= target.goal.atLeast : target.measured < target.goal.below);

export function targetsTable(targets: readonly Target[]): string {
  return table(
    ['target', 'measured', 'goal', 'met'],
    targets.map((target) => [
      target.what,
      `${fixed(target.measured, 2)}${target.unit}`,
      'atLeast' in target.goal ? `≥ ${target.goal.atLeast}${target.unit}` : `< ${target.goal.below}${target.unit}`,
      met(target) ? 'yes' : 'NO',
    ]),
  );
}
