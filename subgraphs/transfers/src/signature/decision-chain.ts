import { createHash } from 'node:crypto';
import { canonical, signatureIsValid } from '@dangvu/subgraph-kit';

/**
 * One step of a dossier as it is signed (docs/rules/transfers.md#signed-decisions): which dossier and which
 * step, the action and the states it joined, who took it (for whom), when, and what was decided.
 */
export interface StepContent {
  transferId: string;
  sequence: number;
  action: string;
  fromState: string | null;
  toState: string;
  actorId: string | null;
  onBehalfOf: string | null;
  /** ISO 8601, as Date#toISOString writes it. */
  at: string;
  decision: unknown;
}

export interface SignedStep extends StepContent {
  prevHash: string | null;
  hash: string;
  keyId: string | null;
  signature: string | null;
}

/** The step's hash covers its canonical content and the previous step's hash: alter or drop one and the chain breaks. */
export function stepHash(content: StepContent, prevHash: string | null): string {
  return createHash('sha256').update(canonical({ ...content, prevHash })).digest('hex');
}

/**
 * Whether `steps` (in sequence order, from the first) form an unbroken chain in which every person's step is
 * signed by the key it names: each hash recomputed from its content, each linked to the one before, each
 * signature checked against `publicKeys` (by key id, SPKI base64url). Steps of the daily job name no actor
 * and carry no signature; a step naming an actor without a valid signature fails the whole dossier.
 */
export function chainIsValid(steps: readonly SignedStep[], publicKeys: ReadonlyMap<string, string>): boolean {
  let prevHash: string | null = null;
  for (const [index, step] of steps.entries()) {
    const { prevHash: storedPrev, hash, keyId, signature, ...content } = step;
    if (step.sequence !== index + 1 || storedPrev !== prevHash || stepHash(content, prevHash) !== hash) return false;
    if (step.actorId === null) {
      if (signature !== null || keyId !== null) return false;
    } else {
      const spki = keyId ? publicKeys.get(keyId) : undefined;
      if (!spki || !signature || !signatureIsValid(hash, spki, signature)) return false;
    }
    prevHash = hash;
  }
  return steps.length > 0;
}
