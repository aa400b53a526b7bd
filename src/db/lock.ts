import fs from 'node:fs';
import path from 'node:path';

// PGlite does not lock its data directory: two processes on the same directory would corrupt it.
// The app takes an exclusive lock file before opening the database and refuses when another live process holds it.

export class DataDirLockedError extends Error {
  readonly pid: number;
  constructor(dataDir: string, pid: number) {
    super(
      `Thư mục dữ liệu "${dataDir}" đang được một tiến trình Chung Tay khác sử dụng (PID ${pid}). ` +
        'Hãy dừng tiến trình đó trước, hoặc dùng thư mục dữ liệu khác (CHUNG_TAY_DATA_DIR).',
    );
    this.name = 'DataDirLockedError';
    this.pid = pid;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface DataDirLock {
  release(): void;
}

export function lockDataDir(dataDir: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, 'chung-tay.lock');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = fs.openSync(lockPath, 'wx');
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      let released = false;
      const release = (): void => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(lockPath, 'utf8') === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(fs.readFileSync(lockPath, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
        throw new DataDirLockedError(dataDir, pid);
      }
      // A stale lock left by a process that was killed: take it over.
      fs.unlinkSync(lockPath);
    }
  }
  throw new Error(`Không lấy được khoá thư mục dữ liệu ${dataDir}`);
}
