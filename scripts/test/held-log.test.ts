import { describe, expect, it } from 'vitest';
import { failureLines, heldLog } from '../src/held-log.ts';

const STEP = 'Chưa khởi động được PostgreSQL / PostgreSQL did not start';

describe('what a failed start prints', () => {
  it('shows the server’s own last lines, then the reason on one ✗ line, with no stack trace', () => {
    const held = heldLog();
    held.log('LOG:  starting PostgreSQL 18.0');
    held.log('LOG:  could not bind IPv4 address "127.0.0.1": Address already in use\nHINT:  Is another postmaster already running on port 5433?');
    expect(failureLines(new Error('Postgres init script failed (code: 1, signal: null)'), held.lines(), STEP)).toEqual([
      '  LOG:  starting PostgreSQL 18.0',
      '  LOG:  could not bind IPv4 address "127.0.0.1": Address already in use',
      '  HINT:  Is another postmaster already running on port 5433?',
      `✗ ${STEP}: Postgres init script failed (code: 1, signal: null)`,
    ]);
  });

  it('points to the log when the server rejects with nothing, as it does when PostgreSQL exits early', () => {
    expect(failureLines(undefined, ['FATAL:  lock file "postmaster.pid" already exists'], STEP)).toEqual([
      '  FATAL:  lock file "postmaster.pid" already exists',
      `✗ ${STEP} (xem nhật ký ở trên / see the log above)`,
    ]);
  });

  it('keeps the stack of an error that means a bug, so it is reported whole', () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'port')");
    const [line] = failureLines(bug, [], STEP);
    expect(line).toContain(`✗ ${STEP}: TypeError: Cannot read properties of undefined`);
    expect(line).toContain('held-log.test.ts');
  });

  it('holds only the last lines of a long log', () => {
    const held = heldLog(3);
    for (let n = 1; n <= 10; n++) held.log(`line ${n}`);
    expect(held.lines()).toEqual(['line 8', 'line 9', 'line 10']);
  });
});
