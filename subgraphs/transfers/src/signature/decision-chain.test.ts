import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newSigningKey, openSigningKey, signHash } from '@dangvu/subgraph-kit';
import { chainIsValid, stepHash, type SignedStep, type StepContent } from './decision-chain.ts';
import { transferSecrets } from './transfer-secrets.ts';

const secrets = transferSecrets(randomBytes(32));
const secretary = newSigningKey(secrets, 'secretary');
const member = newSigningKey(secrets, 'member');
const keys = new Map([
  ['k-secretary', secretary.publicKey],
  ['k-member', member.publicKey],
]);

/** A chain as the service writes it: each step hashed over the previous one and signed by its actor. */
function chain(...contents: (Omit<StepContent, 'transferId' | 'sequence' | 'at'> & { key: 'k-secretary' | 'k-member' | null })[]): SignedStep[] {
  const steps: SignedStep[] = [];
  for (const [index, { key, ...rest }] of contents.entries()) {
    const content: StepContent = { transferId: 't-1', sequence: index + 1, at: `2026-03-0${index + 1}T08:00:00.000Z`, ...rest };
    const prevHash = steps.at(-1)?.hash ?? null;
    const hash = stepHash(content, prevHash);
    const signing = key === 'k-secretary' ? secretary : key === 'k-member' ? member : null;
    steps.push({ ...content, prevHash, hash, keyId: key, signature: signing ? signHash(hash, openSigningKey(secrets, signing)) : null });
  }
  return steps;
}

const dossier = () =>
  chain(
    { action: 'START', fromState: null, toState: 'DRAFT', actorId: 'member', onBehalfOf: null, decision: { reason: 'Chuyển công tác' }, key: 'k-member' },
    { action: 'SUBMIT', fromState: 'DRAFT', toState: 'SUBMITTED', actorId: 'member', onBehalfOf: null, decision: {}, key: 'k-member' },
    { action: 'REVIEW', fromState: 'SUBMITTED', toState: 'REVIEWED', actorId: 'secretary', onBehalfOf: null, decision: { meetingOn: '2026-03-02' }, key: 'k-secretary' },
    { action: 'MARK_OVERDUE', fromState: 'IN_TRANSIT', toState: 'OVERDUE', actorId: null, onBehalfOf: null, decision: {}, key: null },
  );

describe('a dossier’s chain of signed decisions', () => {
  it('holds when every step is as signed, the daily job’s unsigned', () => {
    expect(chainIsValid(dossier(), keys)).toBe(true);
  });

  it('fails when a stored decision is altered, even with its hash recomputed', () => {
    const altered = dossier();
    altered[2] = { ...altered[2]!, decision: { meetingOn: '2026-02-01' } };
    expect(chainIsValid(altered, keys)).toBe(false);
    altered[2] = { ...altered[2]!, hash: stepHash(altered[2]!, altered[2]!.prevHash) };
    expect(chainIsValid(altered, keys)).toBe(false);
  });

  it('fails when a step is removed, or steps swap places', () => {
    const steps = dossier();
    expect(chainIsValid([steps[0]!, steps[2]!, steps[3]!], keys)).toBe(false);
    expect(chainIsValid([steps[1]!, steps[0]!, ...steps.slice(2)], keys)).toBe(false);
  });

  it('fails when a step is said to be signed by someone else’s key, or a person’s step bears no signature', () => {
    const steps = dossier();
    expect(chainIsValid(steps.map((s, i) => (i === 2 ? { ...s, keyId: 'k-member' } : s)), keys)).toBe(false);
    expect(chainIsValid(steps.map((s, i) => (i === 1 ? { ...s, signature: null } : s)), keys)).toBe(false);
    expect(chainIsValid(steps.map((s, i) => (i === 3 ? { ...s, actorId: 'secretary' } : s)), keys)).toBe(false);
  });

  it('is not valid when empty', () => {
    expect(chainIsValid([], keys)).toBe(false);
  });
});

describe('signing keys at rest', () => {
  it('open only with the secrets key and for the person they were sealed for', () => {
    expect(() => openSigningKey(transferSecrets(randomBytes(32)), secretary)).toThrow();
    expect(() => openSigningKey(secrets, { ...secretary, personId: 'member' })).toThrow();
    expect(openSigningKey(secrets, secretary).asymmetricKeyType).toBe('ed25519');
  });
});
