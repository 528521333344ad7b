import type { Repositories } from '../repositories.ts';
import { stepHash, type StepContent } from '../signature/decision-chain.ts';
import type { PersonSigner as StepSigner } from '@dangvu/subgraph-kit';
import type { TransferState } from './transfer.machine.ts';

export interface StepRecord {
  /** The machine's action, or START for the dossier's opening. */
  action: string;
  fromState: TransferState | null;
  toState: TransferState;
  /** Null for the daily job. */
  actorId: string | null;
  onBehalfOf: string | null;
  decision: Record<string, unknown>;
  at: Date;
}

/**
 * Appends step `sequence` of a dossier to its chain, in the transaction of the change it records: hashed over
 * the step before, and signed by its actor (docs/rules/transfers.md#signed-decisions). The daily job's steps
 * are chained, not signed.
 */
export async function appendStep(repos: Repositories, sign: StepSigner, transferId: string, sequence: number, step: StepRecord) {
  const previous = await repos.steps.last(transferId);
  const content: StepContent = { transferId, sequence, ...step, at: step.at.toISOString() };
  const prevHash = previous?.hash ?? null;
  const hash = stepHash(content, prevHash);
  const signed = step.actorId ? await sign(repos.signingKeys, step.actorId, hash) : { keyId: null, signature: null };
  return repos.steps.append({ ...step, transferId, sequence, prevHash, hash, ...signed });
}
