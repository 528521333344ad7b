import { execute, parse } from 'graphql';
import { allow, rule } from 'graphql-shield';
import { describe, expect, it } from 'vitest';
import { isPerson, strictRuleKey } from './shield.ts';
import { ANONYMOUS, type Identity } from './identity.ts';
import { buildSchema } from './subgraph-server.ts';

const types = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Record @key(fields: "id") { id: ID! name: String note: String }
  type Open { id: ID! name: String! }
`;
const typeDefs = parse(`${types} type Query { record: Record open: Open }`);
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

  it("keeps a strict rule's answer for the same parent object within a request, never for another object or another request", async () => {
    const asked: unknown[] = [];
    const strictRules = { Query: { records: allow }, Record: { '*': rule({ cache: 'strict' })((parent) => (asked.push(parent), true)), id: allow } };
    const twins = [{ id: 'r1', name: 'An', note: 'a' }, { id: 'r1', name: 'An', note: 'a' }];
    const strictSchema = buildSchema({
      name: 'test',
      typeDefs: parse(`${types} type Query { records: [Record] }`),
      resolvers: { Query: { records: () => twins } },
      rules: strictRules,
      context: (base) => base,
    });
    const once = () => execute({ schema: strictSchema, document: parse('{ records { id name note } }'), contextValue: { identity: person, requestId: 't' } });
    expect(await once()).toEqual({ data: { records: twins } });
    // name and note of each twin: one evaluation per object, though the two are equal in content.
    expect(asked).toEqual(twins);
    expect(asked[0]).toBe(twins[0]);
    await once();
    expect(asked).toHaveLength(4);
  });

  it('keys a strict rule by the object itself and by arguments only when there are some', () => {
    const parent = { id: 'r1' };
    expect(strictRuleKey({ parent, args: {} })).toBe(strictRuleKey({ parent, args: {} }));
    expect(strictRuleKey({ parent, args: {} })).not.toBe(strictRuleKey({ parent: { id: 'r1' }, args: {} }));
    expect(strictRuleKey({ parent, args: { first: 1 } })).not.toBe(strictRuleKey({ parent, args: { first: 1 } }));
    expect(strictRuleKey({ parent: undefined, args: {} })).not.toBe(strictRuleKey({ parent: 'undefined', args: {} }));
  });
});
