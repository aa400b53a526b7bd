import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { createInterface } from 'node:readline/promises';
import { readConfig } from '../../config.ts';
import { openDatabase } from '../../db/client.ts';
import { DataDirLockedError } from '../../db/lock.ts';
import { createBackup, BackupRefusedError } from '../../ops/backup.ts';
import { BackupArchiveError, verifyBackupArchive, type BackupManifest } from '../../ops/backup-archive.ts';
import { filesDir } from '../../ops/files-dir.ts';
import { formatNumber } from '../../shared/vi-format.ts';
import type { CliCommand, CliIo } from '../cli-types.ts';
import { parseOptions } from '../args.ts';

const usage = `npx chung-tay backup <tệp.tar.gz> [--from http://127.0.0.1:3000 --username <tên> [--note "<lý do>"]]

Sao lưu toàn bộ cơ sở dữ liệu (PostgreSQL theo DATABASE_URL, hoặc CSDL nhúng trong CHUNG_TAY_DATA_DIR) và thư mục
tệp minh chứng (CHUNG_TAY_FILES_DIR, mặc định <thư mục dữ liệu>/files) vào MỘT tệp. Dữ liệu được đọc trong một giao
dịch chỉ-đọc nên nhất quán kể cả khi máy chủ PostgreSQL đang phục vụ. Tệp được ghi ra "<tệp>.partial", chỉ đổi tên
thành <tệp> khi đã ghi xong: tệp .partial là bản dở dang, không dùng được.

  --from <địa chỉ>   nhờ máy chủ đang chạy tạo bản sao lưu (bắt buộc với CSDL nhúng khi máy chủ đang chạy,
                     vì chỉ một tiến trình được mở thư mục dữ liệu)
  --username <tên>   tài khoản quản trị cấp tỉnh; mật khẩu đọc từ biến CHUNG_TAY_PASSWORD hoặc hỏi trên màn hình
  --note "<lý do>"   lý do sao lưu, ghi vào nhật ký thay đổi (chỉ với --from)`;

function describe(io: CliIo, file: string, manifest: BackupManifest, sha256: string, bytes: number): void {
  const rows = manifest.tables.reduce((s, t) => s + t.rows, 0);
  io.stdout.write(
    `Đã sao lưu vào ${file}\n` +
      `  ${manifest.tables.length} bảng, ${formatNumber(rows)} dòng, ${formatNumber(manifest.files.length)} tệp minh chứng; ` +
      `cấu trúc dữ liệu ${manifest.migration.tag ?? manifest.migration.createdAt}; phiên bản ${manifest.appVersion}\n` +
      `  Dung lượng ${formatNumber(bytes)} byte; mã SHA-256 ${sha256}\n` +
      '  Hãy ghi mã SHA-256 vào sổ sao lưu và cất tệp ở nơi khác máy chủ (tệp chứa dữ liệu cá nhân: giữ kín).\n',
  );
}

async function askPassword(io: CliIo): Promise<string> {
  if (io.env.CHUNG_TAY_PASSWORD) return io.env.CHUNG_TAY_PASSWORD;
  const rl = createInterface({ input: io.stdin, output: io.stdout });
  try {
    return await rl.question('Mật khẩu: ');
  } finally {
    rl.close();
  }
}

async function errorMessage(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { error?: { message?: string } };
    return body.error?.message ?? `HTTP ${res.status}`;
  } catch {
    return `HTTP ${res.status}`;
  }
}

async function backupFromServer(io: CliIo, target: string, from: string, username: string | undefined, note: string | undefined): Promise<number> {
  if (!username) {
    io.stderr.write(`Cần --username (tài khoản quản trị cấp tỉnh) khi dùng --from.\n\n${usage}\n`);
    return 2;
  }
  let base: URL;
  try {
    base = new URL(from);
  } catch {
    io.stderr.write(`Địa chỉ máy chủ không hợp lệ: ${from}\n`);
    return 2;
  }
  const password = await askPassword(io);
  const login = await fetch(new URL('/api/auth/login', base), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!login.ok) {
    io.stderr.write(`Không đăng nhập được: ${await errorMessage(login)}\n`);
    return 1;
  }
  const session = login.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('ct_session='));
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  if (!session) {
    io.stderr.write('Máy chủ không trả về phiên đăng nhập.\n');
    return 1;
  }
  const headers = { cookie: session, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
  const partial = `${target}.partial`;
  try {
    io.stdout.write(`Đang nhờ máy chủ ${base.origin} tạo bản sao lưu…\n`);
    const res = await fetch(new URL('/api/system/backup', base), { method: 'POST', headers, body: JSON.stringify(note ? { note } : {}) });
    if (!res.ok || !res.body) {
      io.stderr.write(`Máy chủ từ chối sao lưu: ${await errorMessage(res)}\n`);
      return 1;
    }
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    await pipeline(Readable.fromWeb(res.body as WebReadableStream), fs.createWriteStream(partial, { mode: 0o600 }));
    const verified = await verifyBackupArchive(partial);
    const announced = res.headers.get('x-backup-sha256');
    if (announced && announced !== verified.archiveSha256) throw new BackupArchiveError('Tệp tải về khác tệp máy chủ đã tạo (sai mã SHA-256).');
    await fs.promises.rename(partial, target);
    describe(io, target, verified.manifest, verified.archiveSha256, verified.archiveBytes);
    return 0;
  } catch (error) {
    await fs.promises.rm(partial, { force: true });
    if (error instanceof BackupArchiveError) {
      io.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await fetch(new URL('/api/auth/logout', base), { method: 'POST', headers }).catch(() => undefined);
  }
}

export const command: CliCommand = {
  name: 'backup',
  summary: 'Sao lưu cơ sở dữ liệu và tệp minh chứng vào một tệp (.tar.gz)',
  usage,
  async run(argv, io) {
    const parsed = parseOptions(argv, { from: { type: 'string' }, username: { type: 'string' }, note: { type: 'string' } }, io.stderr, usage, true);
    if (!parsed) return 2;
    const [file, ...extra] = parsed.positionals;
    if (!file || extra.length > 0) {
      io.stderr.write(`Cần đúng một tệp đích.\n\n${usage}\n`);
      return 2;
    }
    const target = path.resolve(io.cwd, file);
    if (parsed.values.from) return backupFromServer(io, target, parsed.values.from, parsed.values.username, parsed.values.note);

    const config = readConfig(io.env, io.cwd);
    let database;
    try {
      database = await openDatabase(config.database);
    } catch (error) {
      if (error instanceof DataDirLockedError) {
        io.stderr.write(
          `${error.message}\nMáy chủ đang chạy trên CSDL nhúng này. Hãy sao lưu qua máy chủ:\n` +
            `  npx chung-tay backup ${file} --from http://127.0.0.1:${config.port} --username <tài khoản quản trị>\n` +
            'hoặc dừng máy chủ rồi chạy lại lệnh.\n',
        );
        return 1;
      }
      throw error;
    }
    try {
      const result = await createBackup(database, {
        file: target,
        filesDir: filesDir(config),
        log: (line) => io.stdout.write(`${line}\n`),
      });
      describe(io, result.file, result.manifest, result.archiveSha256, result.archiveBytes);
      return 0;
    } catch (error) {
      if (error instanceof BackupRefusedError) {
        io.stderr.write(`${error.message}\n`);
        return 1;
      }
      throw error;
    } finally {
      await database.close();
    }
  },
};
