import DataLoader from 'dataloader';

/** A per-request loader of one row per key, fetched in one batch; missing keys give null. */
export function rowLoader<Row, K extends string = string>(
  fetch: (keys: readonly K[]) => Promise<Row[]>,
  keyOf: (row: Row) => K,
): DataLoader<K, Row | null> {
  return new DataLoader(async (keys) => {
    const rows = new Map((await fetch(keys)).map((row) => [keyOf(row), row]));
    return keys.map((key) => rows.get(key) ?? null);
  });
}

/** A per-request loader of the rows that belong to each key (a one-to-many relation), in fetch order. */
export function groupLoader<Row, K extends string = string>(
  fetch: (keys: readonly K[]) => Promise<Row[]>,
  keyOf: (row: Row) => K,
): DataLoader<K, Row[]> {
  return new DataLoader(async (keys) => {
    const groups = new Map<K, Row[]>(keys.map((key) => [key, []]));
    for (const row of await fetch(keys)) groups.get(keyOf(row))?.push(row);
    return keys.map((key) => groups.get(key) ?? []);
  });
}
