import { readConfig } from '../../config.ts';
import { openAppDatabase, startServer } from '../../server/runtime.ts';
import { loadDemoData, demoUsersTable } from '../../seed/demo/load-demo.ts';
import type { CliCommand } from '../cli-types.ts';
import { parseOptions } from '../args.ts';

const usage = `npx chung-tay start [--port 3000] [--households N]

Cho máy mới: mở CSDL (nhúng nếu không có DATABASE_URL), nạp dữ liệu MẪU (demo) nếu chưa có, rồi chạy máy chủ.
Dữ liệu mẫu được đánh dấu là demo và không phải số liệu thật.`;

export const command: CliCommand = {
  name: 'start',
  summary: 'Nạp dữ liệu mẫu (nếu chưa có) và chạy máy chủ — lệnh của README cho máy mới',
  usage,
  async run(argv, io) {
    const parsed = parseOptions(argv, { port: { type: 'string' }, households: { type: 'string' } }, io.stderr, usage);
    if (!parsed) return 2;
    const config = readConfig({ ...io.env, ...(parsed.values.port ? { PORT: parsed.values.port } : {}) }, io.cwd);
    const database = await openAppDatabase(config);
    const log = (line: string) => io.stdout.write(`${line}\n`);
    const loaded = await loadDemoData(database, { provinceCode: config.provinceCode, log, households: parsed.values.households ? Number(parsed.values.households) : undefined });
    if (loaded) log(demoUsersTable());
    await startServer(config, database, log);
    return new Promise<number>(() => undefined);
  },
};
