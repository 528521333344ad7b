import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadOrCreateDatabasePasswords } from '../src/database-passwords.ts';

const root = await mkdtemp(join(tmpdir(), 'dangvu-passwords-'));
afterAll(() => rm(root, { recursive: true, force: true }));

describe('the installation’s database passwords', () => {
  it('are made in a data folder that does not exist yet (a new installation on an external server), readable by the owner only', async () => {
    const file = join(root, 'not-yet', '.data', 'database-passwords.json');
    const made = await loadOrCreateDatabasePasswords(file);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(made);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await loadOrCreateDatabasePasswords(file)).toEqual(made);
  });
});
