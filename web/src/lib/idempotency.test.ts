import { describe, expect, it } from 'vitest';
import { IDEMPOTENCY_FIELD, stampSubmission, submissionAnswered, submittedKey } from './idempotency.ts';

const form = () => ({}) as HTMLFormElement;
const data = (months: string[]) => {
  const entries = new FormData();
  entries.set('memberId', 'm1');
  for (const month of months) entries.append('months', month);
  return entries;
};
const stamped = (element: HTMLFormElement, entries: FormData) => {
  stampSubmission(element, entries);
  return entries.get(IDEMPOTENCY_FIELD);
};

describe('a form submission’s idempotency key', () => {
  it('is the same when the unanswered form is sent again unchanged, and new once changed or answered', () => {
    const element = form();
    const first = stamped(element, data(['2026-01']));
    const sent = data(['2026-01']);
    sent.set(IDEMPOTENCY_FIELD, String(first));
    expect(submittedKey(sent)).toBe(first);
    expect(stamped(element, data(['2026-01']))).toBe(first);
    const changed = stamped(element, data(['2026-01', '2026-02']));
    expect(changed).not.toBe(first);
    submissionAnswered(element);
    expect(stamped(element, data(['2026-01', '2026-02']))).not.toBe(changed);
    expect(stamped(form(), data(['2026-01']))).not.toBe(first);
  });

  it('is passed on only when it has the shape the API accepts', () => {
    for (const key of ['', 'có dấu', 'a b', 'x'.repeat(201)]) {
      const entries = new FormData();
      entries.set(IDEMPOTENCY_FIELD, key);
      expect(submittedKey(entries)).toBeNull();
    }
    expect(submittedKey(new FormData())).toBeNull();
  });
});
