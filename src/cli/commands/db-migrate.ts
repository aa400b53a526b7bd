import { readConfig } from '../../config.ts';
import { openDatabase } from '../../db/client.ts';
import type { CliCommand } from '../cli-types.ts';

export const command: CliCommand = {
  name: 'db migrate',
  summary: 'Áp dụng các migration chưa chạy (chỉ tiến, không lùi)',
  usage: 'npx chung-tay db migrate\n\nDùng DATABASE_URL hoặc CSDL nhúng trong CHUNG_TAY_DATA_DIR (mặc định ./data).',
  async run(_argv, io) {
    const config = readConfig(io.env, io.cwd);
    const database = await openDatabase(config.database);
    try {
      await database.migrate();
      io.stdout.write('Đã cập nhật cấu trúc cơ sở dữ liệu.\n');
      return 0;
    } finally {
      await database.close();
    }
  },
};
