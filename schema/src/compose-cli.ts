import { writeFileSync } from 'node:fs';
import { apiSchemaPath, compose, supergraphPath } from './compose.ts';

const { supergraph, apiSchema } = compose();
writeFileSync(supergraphPath, supergraph);
writeFileSync(apiSchemaPath, apiSchema);
console.log(`wrote ${supergraphPath}\nwrote ${apiSchemaPath}`);
