import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiSchemaPath, compose, supergraphPath } from '../src/compose.ts';
import { subgraphSdl } from '../src/subgraphs.ts';

describe('composition', () => {
  const composed = compose();

  it('composes the four subgraphs without errors', () => {
    expect(composed.supergraph).toContain('join__Graph');
    for (const name of ['ORGANIZATION', 'MEMBERS', 'DUES', 'TRANSFERS']) expect(composed.supergraph).toContain(name);
  });

  it('matches the checked-in supergraph.graphql (run `npm run compose` after changing a subgraph SDL)', () => {
    expect(readFileSync(supergraphPath, 'utf8')).toBe(composed.supergraph);
  });

  it('matches the checked-in api.graphql', () => {
    expect(readFileSync(apiSchemaPath, 'utf8')).toBe(composed.apiSchema);
  });

  it('keeps @inaccessible subtree paths out of the client-facing schema', () => {
    expect(composed.apiSchema).not.toMatch(/\borgPath\b|\bpath:/);
  });

  it('reports a subgraph that breaks composition', () => {
    const broken = (name: Parameters<typeof subgraphSdl>[0]) =>
      name === 'dues' ? subgraphSdl(name).replace('duesStanding: DuesStanding @requires', 'fullName: Int! @requires') : subgraphSdl(name);
    expect(() => compose(broken)).toThrow(/Composition failed/);
  });
});
