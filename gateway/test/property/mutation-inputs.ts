import { readFileSync } from 'node:fs';
import { ROLES, signAccessToken, type Identity } from '@dangvu/subgraph-kit';
import { createDb, tables, type DbHandle } from '@dangvu/drizzle';
import { and, eq, isNull } from 'drizzle-orm';
import fc from 'fast-check';
import { buildSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../../src/testing/platform.ts';
import { post } from '../http-helpers.ts';
import { changedTables, databaseState, settledState, textNotInNfc, type DatabaseState } from './database-state.ts';
import { mutationsOf, NFD_NAME } from './hostile-inputs.ts';

/**
 * Every mutation of the composed schema under random and hostile input, through the gateway, as a person who
 * holds every role over the whole tree, so that the inputs reach past the shield into the resolvers
 * (docs/reliability.md#bad-input-at-scale). For each call: never a 5xx or an INTERNAL error; a refusal (an
 * error or a userError) leaves every table as it was; and every text stored is NFC.
 *
 * The one table a refusal may change: members.sign_in_windows, where every attempt with a secret (a sign-in,
 * an activation code, a refresh token) is counted before the secret is checked, refused or not, so that
 * guessing is limited (docs/rules/accounts.md#lock-out).
 */
const REFUSAL_MAY_CHANGE = new Set<string>(['members.sign_in_windows']);
/** Error codes that say the input was refused; anything else (INTERNAL above all) is a finding. */
const REFUSALS = ['BAD_USER_INPUT', 'FORBIDDEN', 'NOT_FOUND', 'UNAUTHENTICATED', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'IDEMPOTENT_ANSWER_WITHHELD', 'PAYLOAD_TOO_LARGE'];

export function describeMutationInputs(runsPerMutation: number) {
  let platform: TestPlatform;
  let db: DbHandle;
  let authorization: string;
  let state: DatabaseState;
  const schema = buildSchema(readFileSync(new URL('../../../schema/api.graphql', import.meta.url), 'utf8'));
  const ids: string[] = [];
  const mutations = mutationsOf(schema, ids);

  beforeAll(async () => {
    platform = await startTestPlatform();
    db = createDb(platform.databaseUrl, { max: 2 });
    // Real ids of every kind, so that random inputs name things that exist as often as things that do not.
    const withIds = await db.sql`
      select table_schema || '.' || table_name as name from information_schema.columns
      where column_name = 'id' and data_type = 'uuid' and table_schema in ('organization', 'members', 'dues', 'transfers')`;
    for (const { name } of withIds) ids.push(...(await db.sql.unsafe(`select id::text from ${name} order by id limit 3`)).map((row) => row.id as string));
    const [grant] = await db.db.select().from(tables.roleGrants).where(and(eq(tables.roleGrants.role, 'ADMIN'), isNull(tables.roleGrants.endsOn)));
    const [root] = await db.db.select().from(tables.organizations).where(isNull(tables.organizations.parentId));
    const identity: Identity = { personId: grant!.memberId, grants: ROLES.map((role) => ({ role, orgId: root!.id, orgPath: root!.path })), partner: null };
    authorization = `Bearer ${await signAccessToken(identity, platform.authSigningKey)}`;
    state = await settledState(db, REFUSAL_MAY_CHANGE);
  }, 300_000);
  afterAll(async () => {
    await db?.close();
    await platform?.stop();
  });

  describe('every mutation under random and hostile input', () => {
    it.each(mutations.map((mutation) => [mutation.name, mutation] as const))('%s: never a 500, a refusal changes nothing, text stored in NFC', async (_name, mutation) => {
      await fc.assert(
        fc.asyncProperty(mutation.variables, async (variables) => {
          const answer = await post(platform, { query: mutation.query, variables }, { authorization });
          expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(500);
          const errors = answer.body.errors ?? [];
          for (const error of errors) expect(REFUSALS, `${error.message} ${JSON.stringify(error.extensions)}`).toContain(error.extensions?.code);
          const payload = answer.body.data?.[mutation.name];
          const refused = errors.length > 0 || (mutation.hasUserErrors && payload?.userErrors.length > 0);
          const before = state;
          state = refused ? await databaseState(db, REFUSAL_MAY_CHANGE) : await settledState(db, REFUSAL_MAY_CHANGE);
          if (refused) expect(changedTables(before, state), JSON.stringify(answer.body).slice(0, 500)).toEqual([]);
        }),
        { numRuns: runsPerMutation, endOnFailure: true },
      );
    }, 120_000 + runsPerMutation * 2_000);

    it('says a value a subgraph’s scalar refuses as that refusal, not as an internal error', async () => {
      const [cell] = await db.db.select().from(tables.organizations).where(eq(tables.organizations.type, 'GRASSROOTS_CELL')).limit(1);
      const answer = await post(platform, { query: 'mutation ($input: CloseDuesMonthInput!) { closeDuesMonth(input: $input) { userErrors { code } } }', variables: { input: { organizationId: cell!.id, month: '2026-1' } } }, { authorization });
      expect(answer.status).toBe(200);
      expect(answer.body.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }), message: expect.stringContaining('YYYY-MM') })]);
    });

    it('stores a name sent decomposed (NFD) in its composed form, and every text stored is NFC', async () => {
      const [cell] = await db.db.select().from(tables.organizations).where(eq(tables.organizations.type, 'GRASSROOTS_CELL')).limit(1);
      const name = `Chi bộ ${NFD_NAME}`;
      const answer = await post(platform, { query: 'mutation ($input: RenameOrganizationInput!) { renameOrganization(input: $input) { userErrors { code message } } }', variables: { input: { id: cell!.id, name } } }, { authorization });
      expect(answer.body).toEqual({ data: { renameOrganization: { userErrors: [] } } });
      const [renamed] = await db.db.select().from(tables.organizations).where(eq(tables.organizations.id, cell!.id));
      expect(renamed!.name).toBe(name.normalize('NFC'));
      expect(renamed!.name).not.toBe(name);
      expect(await textNotInNfc(db)).toEqual([]);
    });
  });
}
