import { defineConfig } from 'drizzle-kit';
import { SCHEMA_NAMES } from './src/schema/names.ts';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema/index.ts',
  out: './migrations',
  schemaFilter: SCHEMA_NAMES,
});
