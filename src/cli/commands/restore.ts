import path from 'node:path';
import { readConfig } from '../../config.ts';
import { openDatabase } from '../../db/client.ts';
import { DataDirLockedError } from '../../db/lock.ts';
import { BackupArchiveError } from '../../ops/backup-archive.ts';
import { filesDir } from '../../ops/files-dir.ts';
import { restoreBackup, RestoreRefusedError } from '../../ops/restore.ts';
import { formatDateTime, formatNumber } from '../../shared/vi-format.ts';
import type { CliCommand } from '../cli-types.ts';
import { parseOptions } from '../args.ts';

const usage = `npx chung-tay restore <tệp.tar.gz> [--force]

Khôi phục cơ sở dữ liệu (PostgreSQL theo DATABASE_URL, hoặc CSDL nhúng trong CHUNG_TAY_DATA_DIR) và thư mục tệp minh
chứng từ một bản sao lưu. Dừng máy chủ trước khi khôi phục.

Trước khi thay đổi bất cứ điều gì, lệnh kiểm tra mã SHA-256 của từng phần và phiên bản cấu trúc dữ liệu (từ chối bản
sao lưu của phiên bản mới hơn; bản của phiên bản cũ được khôi phục rồi cập nhật lên). Toàn bộ dữ liệu được nạp trong
MỘT giao dịch: nếu lỗi hoặc bị ngắt giữa chừng, cơ sở dữ liệu giữ nguyên như trước và có thể chạy lại lệnh.

  --force   cho phép thay thế cơ sở dữ liệu (và thư mục tệp) đang có dữ liệu — dữ liệu hiện có sẽ bị xoá`;

export const command: CliCommand = {
  name: 'restore',
  summary: 'Khôi phục cơ sở dữ liệu và tệp minh chứng từ bản sao lưu',
  usage,
  async run(argv, io) {
    const parsed = parseOptions(argv, { force: { type: 'boolean' } }, io.stderr, usage, true);
    if (!parsed) return 2;
    const [file, ...extra] = parsed.positionals;
    if (!file || extra.length > 0) {
      io.stderr.write(`Cần đúng một tệp sao lưu.\n\n${usage}\n`);
      return 2;
    }
    const config = readConfig(io.env, io.cwd);
    let database;
    try {
      database = await openDatabase(config.database);
    } catch (error) {
      if (error instanceof DataDirLockedError) {
        io.stderr.write(`${error.message}\nHãy dừng máy chủ trước khi khôi phục.\n`);
        return 1;
      }
      throw error;
    }
    try {
      const result = await restoreBackup(database, path.resolve(io.cwd, file), {
        force: parsed.values.force ?? false,
        filesDir: filesDir(config),
        log: (line) => io.stdout.write(`${line}\n`),
      });
      io.stdout.write(
        `Đã khôi phục ${result.tables} bảng, ${formatNumber(result.rows)} dòng và ${formatNumber(result.files)} tệp minh chứng ` +
          `từ bản sao lưu lúc ${formatDateTime(result.manifest.createdAt)} (SHA-256 ${result.archiveSha256}).\n`,
      );
      return 0;
    } catch (error) {
      if (error instanceof BackupArchiveError || error instanceof RestoreRefusedError) {
        io.stderr.write(`Không khôi phục: ${error.message}\n`);
        return 1;
      }
      throw error;
    } finally {
      await database.close();
    }
  },
};
