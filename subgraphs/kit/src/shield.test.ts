import { execute, parse } from 'graphql';
import { allow } from 'graphql-shield';
import { describe, expect, it } from 'vitest';
import { isPerson } from './shield.ts';
import { ANONYMOUS, type Identity } from './identity.ts';
import { buildSchema } from './subgraph-server.ts';

const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Query { record: Record open: Open }
  type Record @key(fields: "id") { id: ID! name: String note: String }
  type Open { id: ID! name: String! }
`);
const record = { id: 'r1', name: 'Nguyễn Văn An', note: 'ghi chú' };
const resolvers = { Query: { record: () => record, open: () => record } };
// A type's own '*' rule, an `allow` field beside it, a type wholly `allow`, and a field with no rule at all.
const rules = { Query: { record: allow, open: allow }, Record: { '*': isPerson, id: allow }, Open: allow };
const schema = buildSchema({ name: 'test', typeDefs, resolvers, rules, context: (base) => base });
const person: Identity = { personId: 'p1', grants: [], partner: null };

const run = (document: string, identity: Identity) =>
  execute({ schema, document: parse(document), contextValue: { identity, requestId: 't' } }) as Promise<{ data?: unknown; errors?: readonly { path?: readonly (string | number)[]; extensions?: { code?: string } }[] }>;

describe('the shield around a subgraph schema', () => {
  it('answers the fields whose rule is allow, to anyone', async () => {
    const answer = await run('{ record { id } open { id name } }', ANONYMOUS);
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({ record: { id: 'r1' }, open: { id: 'r1', name: 'Nguyễn Văn An' } });
  });

  it("still applies the type's rule to every other field, and refuses a stranger", async () => {
    const answer = await run('{ record { id name note } }', ANONYMOUS);
    expect(answer.data).toEqual({ record: { id: 'r1', name: null, note: null } });
    expect(answer.errors?.map((error) => [error.path?.join('.'), error.extensions?.code]).sort()).toEqual([
      ['record.name', 'UNAUTHENTICATED'],
      ['record.note', 'UNAUTHENTICATED'],
    ]);
    expect(await run('{ record { id name note } }', person)).toEqual({ data: { record: record } });
  });
});
