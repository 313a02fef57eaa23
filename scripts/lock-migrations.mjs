// Records the hash of every migration file in test/fixtures/migrations.lock.json. Run once when adding a migration;
// the append-only test then fails if any recorded migration is edited or removed.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const dir = path.join(import.meta.dirname, '../src/storage/migrations');
const lockFile = path.join(import.meta.dirname, '../test/fixtures/migrations.lock.json');
const lock = fs.existsSync(lockFile) ? JSON.parse(fs.readFileSync(lockFile, 'utf8')) : {};
for (const f of fs.readdirSync(dir).sort()) {
  if (!/^\d{4}_\d{2}_\d{2}_\d{4}_.+\.ts$/.test(f) || f.endsWith('.test.ts')) continue;
  const name = f.replace(/\.ts$/, '');
  if (!(name in lock))
    lock[name] = createHash('sha256')
      .update(fs.readFileSync(path.join(dir, f)))
      .digest('hex');
}
fs.writeFileSync(lockFile, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`locked ${Object.keys(lock).length} migrations`);
