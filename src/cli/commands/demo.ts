import { readConfig } from '../../config.ts';
import { openAppDatabase } from '../../server/runtime.ts';
import { loadDemoData, demoUsersTable } from '../../seed/demo/load-demo.ts';
import type { CliCommand } from '../cli-types.ts';
import { parseOptions } from '../args.ts';

const usage = `npx chung-tay demo [--households N]

Nạp dữ liệu MẪU (thôn, cụm/khối, người dùng mẫu…) vào CSDL đang cấu hình. Mọi bản ghi mẫu được đánh dấu demo.`;

export const command: CliCommand = {
  name: 'demo',
  summary: 'Nạp dữ liệu mẫu (được đánh dấu là demo)',
  usage,
  async run(argv, io) {
    const parsed = parseOptions(argv, { households: { type: 'string' } }, io.stderr, usage);
    if (!parsed) return 2;
    const config = readConfig(io.env, io.cwd);
    const database = await openAppDatabase(config);
    try {
      const log = (line: string) => io.stdout.write(`${line}\n`);
      const loaded = await loadDemoData(database, { provinceCode: config.provinceCode, log, households: parsed.values.households ? Number(parsed.values.households) : undefined });
      if (!loaded) log('Dữ liệu mẫu đã có sẵn, không nạp lại.');
      else log(demoUsersTable());
      return 0;
    } finally {
      await database.close();
    }
  },
};
