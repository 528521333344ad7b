import { and, chain, deny, or, race, rule, shield } from 'graphql-shield';
import { graphql } from 'graphql';
import { makeExecutableSchemaFromSdl } from './schema-helper.ts';
import { describe, expect, it } from 'vitest';

const yes = rule()(() => true);
const no = rule()(() => false);

const schema = makeExecutableSchemaFromSdl(
  `type Query { andYes: String andNo: String orYes: String chainYes: String chainNo: String raceYes: String raceNo: String }`,
  shield(
    {
      Query: {
        andYes: and(yes, yes),
        andNo: and(yes, no),
        orYes: or(no, yes),
        chainYes: chain(yes, yes),
        chainNo: chain(yes, no),
        raceYes: race(no, yes),
        raceNo: race(no, no),
      },
    },
    { fallbackRule: deny, allowExternalErrors: true },
  ),
);

describe('graphql-shield under Node 24 (patched: util.isUndefined is gone)', () => {
  it('runs on Node 24 or newer', () => {
    expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(24);
  });

  it('evaluates and/or/chain/race to the expected verdicts', async () => {
    const result = await graphql({ schema, source: '{ andYes andNo orYes chainYes chainNo raceYes raceNo }' });
    expect(result.data).toEqual({
      andYes: 'ok',
      andNo: null,
      orYes: 'ok',
      chainYes: 'ok',
      chainNo: null,
      raceYes: 'ok',
      raceNo: null,
    });
    expect(result.errors?.map((error) => error.path?.[0]).sort()).toEqual(['andNo', 'chainNo', 'raceNo']);
  });
});
