import type { GraphQLScalarType } from 'graphql';
import { buildSchema, graphql } from 'graphql';
import { describe, expect, it } from 'vitest';
import { readTextArguments, toNfc } from './text-arguments.ts';

const NFD = 'Nguye\u0302\u0303n Va\u0306n A\u0300nh';
const NFC = 'Nguyễn Văn Ành';

describe('names in one Unicode form', () => {
  it('gives every root field its text arguments in NFC, written in the request or sent as variables, nested or listed', async () => {
    const schema = buildSchema(`
      scalar Money
      input NameInput { fullName: String!, aliases: [String!]!, amount: Money }
      type Query { echo(name: String!): String! }
      type Mutation { save(input: NameInput!): [String!]! }
    `);
    const seen: unknown[] = [];
    Object.assign(schema.getType('Money') as GraphQLScalarType, { parseValue: (value: unknown) => BigInt(value as string) });
    schema.getQueryType()!.getFields().echo!.resolve = (_source, args) => args.name;
    schema.getMutationType()!.getFields().save!.resolve = (_source, args) => {
      seen.push(args.input.amount);
      return [args.input.fullName, ...args.input.aliases];
    };
    readTextArguments(schema);

    expect(await graphql({ schema, source: `{ echo(name: "${NFD}") }` })).toEqual({ data: { echo: NFC } });
    const saved = await graphql({
      schema,
      source: 'mutation ($input: NameInput!) { save(input: $input) }',
      variableValues: { input: { fullName: NFD, aliases: [NFD.toUpperCase().normalize('NFD')], amount: '3000' } },
    });
    expect(saved).toEqual({ data: { save: [NFC, NFC.toUpperCase()] } });
    expect(seen).toEqual([3000n]);
  });

  it('refuses text holding a NUL character with BAD_USER_INPUT, before the resolver runs', async () => {
    const schema = buildSchema('input NoteInput { notes: [String!]! } type Query { ok: Boolean } type Mutation { note(input: NoteInput!): Boolean }');
    let ran = false;
    schema.getMutationType()!.getFields().note!.resolve = () => (ran = true);
    readTextArguments(schema);
    const answer = await graphql({ schema, source: 'mutation ($input: NoteInput!) { note(input: $input) }', variableValues: { input: { notes: ['ok', 'a\u0000b'] } } });
    expect(answer.errors?.map((error) => [error.extensions.code, error.message])).toEqual([['BAD_USER_INPUT', 'Văn bản gửi lên có ký tự NUL (mã 0), là ký tự không thể lưu: đồng chí nhập lại.']]);
    expect(ran).toBe(false);
  });

  it('leaves values that are not text as they are', () => {
    const when = new Date(0);
    expect(toNfc({ on: when, amount: 5n, count: 3, none: null })).toEqual({ on: when, amount: 5n, count: 3, none: null });
    expect(toNfc({ on: when }).on).toBe(when);
  });
});
