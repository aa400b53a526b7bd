// `npm run bench -- <name> [args]` runs bench/<name>.bench.ts under the pinned Node; `--list` shows them.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const dir = import.meta.dirname;
const available = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace(/\.bench\.ts$/u, ''))
  .sort();
const [name, ...rest] = process.argv.slice(2);
if (!name || name === '--list' || !available.includes(name)) {
  if (name && name !== '--list') process.stderr.write(`Không có phép đo "${name}".\n`);
  process.stdout.write(`Các phép đo: ${available.join(', ')}\nCách chạy: npm run bench -- <tên> [tham số]\n`);
  process.exit(name && name !== '--list' ? 2 : 0);
}
const result = spawnSync(process.execPath, ['--expose-gc', path.join(dir, `${name}.bench.ts`), ...rest], { stdio: 'inherit' });
process.exit(result.status ?? 1);
