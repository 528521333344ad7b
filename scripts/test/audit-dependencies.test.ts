import { describe, expect, it } from 'vitest';
import { auditDependenciesCommand, judgeAudit } from '../src/audit-dependencies.ts';

const counts = (found: Partial<Record<'info' | 'low' | 'moderate' | 'high' | 'critical', number>>) => {
  const all = { info: 0, low: 0, moderate: 0, high: 0, critical: 0, ...found };
  return { ...all, total: Object.values(all).reduce((sum, count) => sum + count, 0) };
};

/** The shape of npm 11's `npm audit --json` report (auditReportVersion 2). */
const report = (vulnerabilities: Record<string, unknown>, found: Parameters<typeof counts>[0]) =>
  JSON.stringify({ auditReportVersion: 2, vulnerabilities, metadata: { vulnerabilities: counts(found), dependencies: { prod: 412, total: 412 } } });

const criticalChain = report(
  {
    minimist: {
      name: 'minimist',
      severity: 'critical',
      isDirect: false,
      via: [{ source: 1096476, name: 'minimist', title: 'Prototype Pollution in minimist', url: 'https://github.com/advisories/GHSA-xvch-5gv4-984h', severity: 'critical', range: '<0.2.4' }],
      effects: ['mkdirp'],
      range: '<=0.2.3',
      nodes: ['node_modules/minimist'],
      fixAvailable: true,
    },
    mkdirp: { name: 'mkdirp', severity: 'critical', isDirect: true, via: ['minimist'], effects: [], range: '0.4.1 - 0.5.1', fixAvailable: { name: 'mkdirp', version: '0.5.6', isSemVerMajor: false } },
  },
  { critical: 2 },
);

const moderateOnly = report(
  {
    cookie: {
      name: 'cookie',
      severity: 'moderate',
      via: [{ title: 'cookie accepts cookie name, path, and domain with out of bounds characters', url: 'https://github.com/advisories/GHSA-pxg6-pf52-xh8x', severity: 'moderate' }],
      range: '<0.7.0',
      fixAvailable: false,
    },
  },
  { moderate: 1 },
);

/** What npm audit prints on stdout against a registry without the advisory endpoint (seen on this machine). */
const methodNotAllowed = JSON.stringify({
  message: '405 Method Not Allowed - POST https://registry.example/-/npm/v1/security/advisories/bulk',
  method: 'POST',
  statusCode: 405,
  body: '',
  error: { summary: '', detail: '' },
});

async function run(stdout: string) {
  let output = '';
  const code = await auditDependenciesCommand({ runAudit: async () => stdout, out: { write: (text: string) => (output += text) } });
  return { code, output };
}

describe('npm run audit:dependencies', () => {
  it('fails on a critical finding, naming each package, its advisory and its fix', async () => {
    const { code, output } = await run(criticalChain);
    expect(code).toBe(1);
    expect(output).toContain('critical minimist <=0.2.3: Prototype Pollution in minimist https://github.com/advisories/GHSA-xvch-5gv4-984h');
    expect(output).toContain('critical mkdirp 0.4.1 - 0.5.1: qua / via minimist (sửa được khi lên mkdirp@0.5.6');
    expect(output).toContain('✗ npm audit --omit=dev: 2 critical, 0 high');
  });

  it('fails on a high finding', async () => {
    const high = report({ semver: { name: 'semver', severity: 'high', via: [{ title: 'semver ReDoS', url: 'u' }], range: '<7.5.2', fixAvailable: true } }, { high: 1 });
    expect((await run(high)).code).toBe(1);
  });

  it('passes with moderate findings, listing them', async () => {
    const { code, output } = await run(moderateOnly);
    expect(code).toBe(0);
    expect(output).toContain('moderate cookie <0.7.0: cookie accepts cookie name');
    expect(output).toContain('(chưa có bản sửa / no fix yet)');
    expect(output).toContain('✓ npm audit --omit=dev: 0 critical, 0 high, 1 moderate');
  });

  it('passes a clean report', async () => {
    const { code, output } = await run(report({}, {}));
    expect(code).toBe(0);
    expect(output).toContain('không có lỗ hổng mức cao hay nghiêm trọng');
  });

  it('prints a notice, not a failure, when the endpoint answers 405, saying nothing was audited', async () => {
    const { code, output } = await run(methodNotAllowed);
    expect(code).toBe(0);
    expect(output).toContain('NOTICE: dependencies NOT audited');
    expect(output).toContain('405 Method Not Allowed');
    expect(output).not.toContain('✓');
  });

  it('takes no answer at all (no network: an error object, empty output, not JSON) as not audited rather than clean', () => {
    expect(judgeAudit(JSON.stringify({ error: { code: 'ENOTFOUND', summary: 'request to https://registry.example failed' } }))).toEqual({
      answered: false,
      reason: 'request to https://registry.example failed',
    });
    expect(judgeAudit('')).toEqual({ answered: false, reason: 'npm audit printed nothing' });
    expect(judgeAudit('npm error code ECONNREFUSED')).toEqual({ answered: false, reason: 'npm audit printed no JSON report' });
  });
});
