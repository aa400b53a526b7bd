#!/usr/bin/env node
// Entry point of `npx chung-tay`. The CLI is TypeScript run by Node 24's type stripping; when an older Node
// is first on PATH (outside npm scripts), re-run with the Node 24 pinned in node_modules.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  const pinned = path.join(root, 'node_modules', 'node', 'bin', 'node');
  if (!fs.existsSync(pinned)) {
    console.error('Chung Tay cần Node.js 24 trở lên. Hãy chạy "npm install" trong thư mục dự án.');
    process.exit(1);
  }
  const result = spawnSync(pinned, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
const cli = await import(pathToFileURL(path.join(root, 'src', 'cli', 'main.ts')).href);
cli.main();
