import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import postgres from 'postgres';

/**
 * The benchmark's baseline: a federation subgraph as Apollo's template writes one, with none of the kit
 * (no signature, no shield, no loaders, no audit), answering `{ me { id fullName } }` from the same table
 * for the member named in a header. Started by the bench: DATABASE_URL (the members role) and PORT.
 */
const sql = postgres(process.env.DATABASE_URL!, { max: 10, onnotice: () => {} });

const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Member @key(fields: "id") { id: ID! fullName: String! }
  type Query { me: Member }
`);

const resolvers = {
  Query: {
    async me(_parent: unknown, _args: unknown, context: { memberId: string }) {
      const [row] = await sql<{ id: string; full_name: string }[]>`select id, full_name from members.members where id = ${context.memberId}`;
      return row ? { id: row.id, fullName: row.full_name } : null;
    },
  },
};

const server = new ApolloServer<{ memberId: string }>({
  schema: buildSubgraphSchema([{ typeDefs, resolvers }]),
  plugins: [ApolloServerPluginInlineTraceDisabled()],
});
const { url } = await startStandaloneServer(server, {
  listen: { host: '127.0.0.1', port: Number(process.env.PORT) },
  context: async ({ req }) => ({ memberId: String(req.headers['x-member-id'] ?? '') }),
});
console.log(`bare subgraph listening ${url}`);
process.once('SIGTERM', () => void server.stop().then(() => sql.end()).then(() => process.exit(0)));
