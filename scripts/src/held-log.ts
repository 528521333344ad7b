/**
 * What a step that works quietly wrote (PostgreSQL's own log while it starts), held back and shown only when
 * the step fails: a good start shows the banner alone, a failed one says why in the server's own words.
 */
export function heldLog(limit = 40) {
  const lines: string[] = [];
  return {
    log(line: string) {
      lines.push(...line.split('\n'));
      lines.splice(0, Math.max(0, lines.length - limit));
    },
    lines: () => [...lines],
  };
}

/** Errors that mean a bug in dangvu, not a condition of the machine: their stack is what a developer needs. */
const BUGS = [TypeError, ReferenceError, SyntaxError, RangeError];

/**
 * The lines a failed start ends with: the held log, then the reason in one line marked ✗. The embedded server
 * rejects with nothing when PostgreSQL exits early (its log then says why, e.g. the port is taken).
 */
export function failureLines(error: unknown, held: readonly string[], step: string): string[] {
  const reason =
    error instanceof Error ? (BUGS.some((kind) => error instanceof kind) ? (error.stack ?? error.message) : error.message) : error === undefined ? '' : String(error);
  return [...held.map((line) => `  ${line}`), `✗ ${step}${reason ? `: ${reason}` : ' (xem nhật ký ở trên / see the log above)'}`];
}
