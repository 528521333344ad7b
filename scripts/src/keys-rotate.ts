import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { assertNode24 } from '@dangvu/drizzle/testing';
import { DATA_DIR } from './config.ts';
import { loadOrCreateKeys, rotateAuthKey } from './keys.ts';

/**
 * `npm run keys:rotate`: a new access-token signing key in .data/keys.json, the old one kept as retired for one
 * token's life, so that a restart of npm start (members signs with the new key, the gateway accepts both)
 * ends no session (docs/decisions/0008-sessions.md#rotating-the-signing-key).
 */
assertNode24();
const file = join(DATA_DIR, 'keys.json');
const rotated = await rotateAuthKey(await loadOrCreateKeys(file));
await writeFile(file, JSON.stringify(rotated), { mode: 0o600 });
console.log(`Khóa ký mới / new signing key: kid ${rotated.auth.publicJwk.kid}`);
console.log('Khởi động lại npm start để dùng khóa mới; khóa cũ vẫn được chấp nhận thêm 15 phút. / restart npm start to use it; the old key is accepted 15 more minutes.');
