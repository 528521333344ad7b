/** Every PostgreSQL schema the migrations own: one per subgraph, and the platform's own. */
export const SCHEMA_NAMES = ['organization', 'members', 'dues', 'transfers', 'audit', 'outbox', 'jobs', 'calendar'];
