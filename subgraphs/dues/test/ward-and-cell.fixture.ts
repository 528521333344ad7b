import { randomUUID } from 'node:crypto';
import { tables } from '@dangvu/drizzle';
import type { TestSubgraph } from '@dangvu/subgraph-kit/testing';

/** A ward and a grassroots cell under it, as the dues subgraph's copy of the tree knows them. */
export async function wardAndCell(subgraph: TestSubgraph) {
  const ward = randomUUID();
  const cell = randomUUID();
  const wardPath = `/${ward}/`;
  const cellPath = `/${ward}/${cell}/`;
  await subgraph.db.db.insert(tables.duesOrganizations).values([
    { orgId: ward, path: wardPath, type: 'PROVINCE_SUBORDINATE' },
    { orgId: cell, path: cellPath, type: 'GRASSROOTS_CELL' },
  ]);
  return { ward, cell, wardPath, cellPath };
}
