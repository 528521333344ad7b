import { ApolloArmor } from '@escape.tech/graphql-armor';

/** Request limits at the edge. Subgraphs see only documents the query planner wrote, so they carry none. */
export const LIMITS = {
  bodyBytes: 64 * 1024,
  /** The upload route's own limit (docs/decisions/0006-file-upload.md); each purpose has a smaller one of its own. */
  uploadBytes: 50 * 1024 * 1024,
  /** An upload whose sender sends nothing for this long is cut off. */
  uploadIdleMs: 30_000,
  batchSize: 10,
  tokens: 2_000,
  depth: 10,
  aliases: 15,
  directives: 20,
  cost: 5_000,
} as const;

/**
 * graphql-armor for depth, aliases, directives and cost. Its maxTokens plugin answers a syntax error with
 * HTTP 500 (graphql-armor#751), so tokens are bounded by Apollo's own `parseOptions.maxTokens` instead.
 */
export function armor(production: boolean) {
  const { plugins, validationRules } = new ApolloArmor({
    maxDepth: { n: LIMITS.depth, exposeLimits: false, ignoreIntrospection: !production },
    maxAliases: { n: LIMITS.aliases, exposeLimits: false },
    maxDirectives: { n: LIMITS.directives, exposeLimits: false },
    costLimit: { maxCost: LIMITS.cost, exposeLimits: false, ignoreIntrospection: !production },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: production },
  }).protect();
  return { plugins, validationRules, parseOptions: { maxTokens: LIMITS.tokens } };
}
