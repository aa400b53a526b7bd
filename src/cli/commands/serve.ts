import { readConfig } from '../../config.ts';
import { openAppDatabase, startServer } from '../../server/runtime.ts';
import type { CliCommand } from '../cli-types.ts';
import { parseOptions } from '../args.ts';

const usage = `npx chung-tay serve [--port 3000] [--host 127.0.0.1]

Chạy máy chủ. Cơ sở dữ liệu: PostgreSQL nếu có biến DATABASE_URL, nếu không thì CSDL nhúng
trong thư mục CHUNG_TAY_DATA_DIR (mặc định ./data).`;

export const command: CliCommand = {
  name: 'serve',
  summary: 'Chạy máy chủ web và API',
  usage,
  async run(argv, io) {
    const parsed = parseOptions(argv, { port: { type: 'string' }, host: { type: 'string' } }, io.stderr, usage);
    if (!parsed) return 2;
    const config = readConfig({ ...io.env, ...(parsed.values.port ? { PORT: parsed.values.port } : {}), ...(parsed.values.host ? { HOST: parsed.values.host } : {}) }, io.cwd);
    const database = await openAppDatabase(config);
    await startServer(config, database, (line) => io.stdout.write(`${line}\n`));
    return new Promise<number>(() => undefined);
  },
};
