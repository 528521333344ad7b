/** Every PostgreSQL schema the migrations own: one per subgraph, and the platform's own. */
export const SCHEMA_NAMES = ['organization', 'members', 'dues', 'transfers', 'audit', 'outbox', 'jobs', 'calendar', 'idempotency'];

/** The subgraphs whose processes connect with a database role of their own, each named like its schema. */
export const SERVICE_NAMES = ['organization', 'members', 'dues', 'transfers'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];
