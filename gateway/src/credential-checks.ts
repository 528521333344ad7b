import type { Identity } from '@dangvu/subgraph-kit';
import {
  getOperationAST,
  Kind,
  parse,
  valueFromASTUntyped,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { accountKey } from './credential-throttle.ts';
import { LIMITS } from './limits.ts';

type Arguments = Record<string, unknown>;
const inputField = (args: Arguments, name: string) => {
  const input = args.input as Record<string, unknown> | null | undefined;
  const value = typeof input === 'object' && input !== null ? input[name] : undefined;
  return typeof value === 'string' ? value : null;
};
const nameOf = (kind: Parameters<typeof accountKey>[0], name: string | null) => (name ? accountKey(kind, name) : null);

/**
 * The mutations that check a secret (each an argon2 verification, and a guess when the caller is hostile),
 * with the account an attempt is counted against: the one named in the input, or the caller's own.
 */
const CREDENTIAL_FIELDS = new Map<string, (args: Arguments, identity: Identity) => string | null>([
  ['login', (args) => nameOf('account', inputField(args, 'username'))],
  ['activateAccount', (args) => nameOf('account', inputField(args, 'username'))],
  ['partnerToken', (args) => nameOf('partner', inputField(args, 'clientId'))],
  ['changePassword', (_args, identity) => nameOf('person', identity.personId)],
]);

export type CredentialRequest =
  | { kind: 'none' }
  | { kind: 'one'; field: string; account: string | null }
  | { kind: 'refused'; code: 'ONE_CREDENTIAL_CHECK_PER_REQUEST' | 'NO_CREDENTIAL_CHECK_IN_BATCH' };

interface Operation {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
}

/** The credential fields the operation Apollo will run selects at its root, through fragments too. */
function credentialFields(document: DocumentNode, operationName: string | undefined): FieldNode[] {
  const operation = getOperationAST(document, operationName);
  if (operation?.operation !== 'mutation') return [];
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const found: FieldNode[] = [];
  const spread = new Set<string>();
  // Directives are ignored: `@skip(if: $x)` decided by a variable would otherwise hide a second login.
  const walk = (selections: SelectionSetNode) => {
    for (const selection of selections.selections) {
      if (selection.kind === Kind.FIELD) {
        if (CREDENTIAL_FIELDS.has(selection.name.value)) found.push(selection);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet);
      } else if (!spread.has(selection.name.value)) {
        spread.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) walk(fragment.selectionSet);
      }
    }
  };
  walk(operation.selectionSet);
  return found;
}

function parsed(query: string): DocumentNode | null {
  try {
    return parse(query, { noLocation: true, maxTokens: LIMITS.tokens });
  } catch {
    // Apollo answers the syntax error itself, and nothing runs.
    return null;
  }
}

/**
 * The credential check one HTTP request asks for. At most one per request, and none in a batch: one request
 * carrying many (aliases, fragments, a batch) would evaluate many guesses under one throttle count.
 * Apollo refuses mutations sent by GET and persisted queries are off (server.ts), so the JSON body holds
 * every document that can run.
 */
export function credentialRequest(body: unknown, identity: Identity): CredentialRequest {
  const operations = (Array.isArray(body) ? body : body ? [body] : []) as Operation[];
  const checks = operations.flatMap((operation) => {
    if (typeof operation !== 'object' || operation === null || typeof operation.query !== 'string') return [];
    const document = parsed(operation.query);
    if (!document) return [];
    const name = typeof operation.operationName === 'string' ? operation.operationName : undefined;
    const variables = (typeof operation.variables === 'object' && operation.variables !== null ? operation.variables : {}) as Arguments;
    return credentialFields(document, name).map((field) => ({ field, variables }));
  });
  if (checks.length === 0) return { kind: 'none' };
  if (Array.isArray(body)) return { kind: 'refused', code: 'NO_CREDENTIAL_CHECK_IN_BATCH' };
  if (checks.length > 1) return { kind: 'refused', code: 'ONE_CREDENTIAL_CHECK_PER_REQUEST' };
  const [{ field, variables }] = checks as [(typeof checks)[number]];
  const args = Object.fromEntries((field.arguments ?? []).map((arg) => [arg.name.value, valueFromASTUntyped(arg.value, variables)]));
  return { kind: 'one', field: field.name.value, account: CREDENTIAL_FIELDS.get(field.name.value)!(args, identity) };
}
