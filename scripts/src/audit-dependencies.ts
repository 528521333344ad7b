import { spawn } from 'node:child_process';
import { ROOT } from './config.ts';

/** Findings of these severities fail the run; lower ones are listed and pass. */
const FAILING = ['critical', 'high'] as const;
const SEVERITIES = ['critical', 'high', 'moderate', 'low', 'info'] as const;
type Severity = (typeof SEVERITIES)[number];

export type AuditVerdict =
  /** The advisory endpoint answered: `failing` counts the high and critical findings. */
  | { answered: true; counts: Record<Severity, number>; failing: number; lines: string[] }
  /** It did not (a registry without the endpoint answers 405; no network, a DNS error): nothing was audited. */
  | { answered: false; reason: string };

interface Vulnerability {
  name?: string;
  severity?: Severity;
  range?: string;
  /** Advisories (objects) or the names of the dependencies that bring one in (strings). */
  via?: (string | { title?: string; url?: string; severity?: Severity })[];
  fixAvailable?: boolean | { name: string; version: string };
}

interface AuditReport {
  metadata?: { vulnerabilities?: Partial<Record<Severity, number>> };
  vulnerabilities?: Record<string, Vulnerability>;
  message?: string;
  error?: { code?: string; summary?: string; detail?: string };
}

function fix(available: Vulnerability['fixAvailable']): string {
  if (available === true) return 'sửa được bằng npm audit fix / fixable';
  if (available && typeof available === 'object') return `sửa được khi lên ${available.name}@${available.version} / fixed in`;
  return 'chưa có bản sửa / no fix yet';
}

/**
 * Reads what `npm audit --json` printed. A report carries `metadata.vulnerabilities`; anything else (npm's
 * error object, nothing, not JSON) means the endpoint did not answer, which is not the same as "no findings".
 */
export function judgeAudit(stdout: string): AuditVerdict {
  let report: AuditReport;
  try {
    report = JSON.parse(stdout) as AuditReport;
  } catch {
    return { answered: false, reason: stdout.trim() ? 'npm audit printed no JSON report' : 'npm audit printed nothing' };
  }
  const found = report?.metadata?.vulnerabilities;
  if (!found) {
    const reason = report?.message ?? report?.error?.summary ?? report?.error?.code ?? 'no report in the answer';
    return { answered: false, reason: reason || 'no report in the answer' };
  }
  const counts = Object.fromEntries(SEVERITIES.map((severity) => [severity, found[severity] ?? 0])) as Record<Severity, number>;
  const lines = Object.values(report.vulnerabilities ?? {})
    .sort((a, b) => SEVERITIES.indexOf(a.severity ?? 'info') - SEVERITIES.indexOf(b.severity ?? 'info'))
    .map((vulnerability) => {
      const advisories = (vulnerability.via ?? []).map((via) => (typeof via === 'string' ? `qua / via ${via}` : `${via.title ?? '?'} ${via.url ?? ''}`.trim()));
      return `${vulnerability.severity ?? '?'} ${vulnerability.name ?? '?'} ${vulnerability.range ?? ''}: ${advisories.join('; ')} (${fix(vulnerability.fixAvailable)})`;
    });
  return { answered: true, counts, failing: FAILING.reduce((sum, severity) => sum + counts[severity], 0), lines };
}

export interface AuditDependenciesDeps {
  /** Runs `npm audit --omit=dev --json` and gives back what it printed on stdout (its exit code says nothing more). */
  runAudit(): Promise<string>;
  out: { write(text: string): unknown };
}

/**
 * `npm run audit:dependencies` (CI runs it): fails (1) on a high or critical advisory against a dependency the
 * platform ships, when the registry's advisory endpoint answers; when it does not, prints a notice and passes
 * (0), since a registry mirror without the endpoint must not stop every build. docs/operations.md#dependencies.
 */
export async function auditDependenciesCommand(deps: AuditDependenciesDeps): Promise<number> {
  const say = (line: string) => deps.out.write(`${line}\n`);
  const verdict = judgeAudit(await deps.runAudit());
  if (!verdict.answered) {
    say(
      `THÔNG BÁO: chưa kiểm tra được lỗ hổng của các gói phụ thuộc, máy chủ gói không trả lời (${verdict.reason}). / ` +
        'NOTICE: dependencies NOT audited, the advisory endpoint did not answer; audit from a machine with internet access (docs/operations.md#dependencies).',
    );
    return 0;
  }
  for (const line of verdict.lines) say(`  ${line}`);
  const summary = SEVERITIES.map((severity) => `${verdict.counts[severity]} ${severity}`).join(', ');
  if (verdict.failing > 0) {
    say(`✗ npm audit --omit=dev: ${summary}; có lỗ hổng mức cao hoặc nghiêm trọng / high or critical findings`);
    return 1;
  }
  say(`✓ npm audit --omit=dev: ${summary}; không có lỗ hổng mức cao hay nghiêm trọng / no high or critical finding`);
  return 0;
}

/** A registry that neither answers nor refuses must not hold CI up: past this, what was printed is judged (nothing). */
const AUDIT_TIMEOUT_MS = 120_000;

function runNpmAudit(): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['audit', '--omit=dev', '--json'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'], timeout: AUDIT_TIMEOUT_MS });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.once('error', reject);
    child.once('close', () => resolve(stdout));
  });
}

if (import.meta.main) {
  process.exitCode = await auditDependenciesCommand({ runAudit: runNpmAudit, out: process.stdout });
}
