import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { importJobs } from '../../../db/schema/index.ts';
import type { Clock, IdGenerator } from '../../../shared/clock.ts';
import type { Principal } from '../../../domain/access/authorize.ts';
import { readHouseholdWorkbook, type ImportProgress } from '../../../import/read-household-workbook.ts';
import type { ImportIssue } from '../../../import/import-issue.ts';
import { AppError } from '../../errors.ts';
import type { Actor } from '../audit/audit.ts';
import type { ScopeChecker, UnitsCatalog } from '../units/units.service.ts';
import * as roundsRepo from '../rounds/rounds.repository.ts';
import { IMPORT_ROW_LIMITS, commitHouseholdImport, prepareHouseholdImport, type ImportIssueDto, type PreparedImport } from './import-households.ts';

export interface ImportsDeps {
  database: Database;
  clock: Clock;
  ids: IdGenerator;
  provinceCode: string;
  catalog: UnitsCatalog;
  scope: ScopeChecker;
  uploadsDir: string;
  maxFileBytes?: number;
  onFiguresChanged?: (roundId: string) => Promise<void>;
}

/** "Cột E — Số CCCD": the column letter in the officer's own file and its header. */
export function toIssueDto(issue: ImportIssue): ImportIssueDto {
  const column = issue.column ? (issue.column.letter ? `Cột ${issue.column.letter} — ${issue.column.header}` : issue.column.header) : null;
  return { sheet: issue.sheet ?? '', row: issue.row, column, message: issue.message };
}

export interface ImportJobDto {
  id: string;
  state: string;
  fileName: string;
  roundYear: number | null;
  progress: { phase: string; fraction: number; rowsRead: number; totalRows: number | null };
  summary: unknown;
  issues: ImportIssueDto[];
  issueCount: number;
  createdAt: string;
}

/**
 * Import of a households workbook: upload → read and check in the background (progress) → preview →
 * commit in one transaction, or nothing. A broken workbook imports nothing and lists every problem.
 */
export function createImportsService(deps: ImportsDeps) {
  const { database, clock, ids, scope, catalog } = deps;
  const db = database.db;
  const prepared = new Map<string, PreparedImport>();
  let lastProgressWrite = 0;

  async function setJob(id: string, patch: Partial<typeof importJobs.$inferInsert>): Promise<void> {
    await db.update(importJobs).set({ ...patch, updatedAt: clock.now() }).where(eq(importJobs.id, id));
  }

  async function loadJob(principal: Principal, id: string) {
    const [job] = await db.select().from(importJobs).where(eq(importJobs.id, id));
    if (!job) throw new AppError('imports.not_found', 'Không tìm thấy lượt nhập dữ liệu.');
    const mine = job.createdBy === principal.userId;
    if (!mine && !(await scope.isUnitInScope(principal, 'imports.run', deps.provinceCode, clock.today()))) {
      throw new AppError('auth.out_of_scope', 'Lượt nhập này không phải của bạn.');
    }
    return job;
  }

  function toDto(job: typeof importJobs.$inferSelect): ImportJobDto {
    const issues = job.issues as ImportIssueDto[];
    return {
      id: job.id,
      state: job.state,
      fileName: job.fileName,
      roundYear: job.roundYear,
      progress: { phase: 'done', fraction: 0, rowsRead: 0, totalRows: null, ...(job.progress as object) },
      summary: job.summary,
      issues: issues.slice(0, 2000),
      issueCount: (job.summary as { issueCount?: number }).issueCount ?? issues.length,
      createdAt: job.createdAt.toISOString(),
    };
  }

  async function parse(jobId: string, filePath: string, principal: Principal, roundYear: number): Promise<void> {
    const round = await roundsRepo.getRoundByYear(db, deps.provinceCode, roundYear);
    if (!round) throw new AppError('imports.invalid', `Chưa mở kỳ rà soát năm ${roundYear}.`);
    const result = await readHouseholdWorkbook(filePath, {
      maxRowsPerSheet: IMPORT_ROW_LIMITS,
      onProgress: (p: ImportProgress) => {
        const now = Date.now();
        if (now - lastProgressWrite < 500 && p.phase !== 'done') return;
        lastProgressWrite = now;
        void setJob(jobId, { progress: { phase: p.phase, fraction: p.fraction * 0.8, rowsRead: p.rowsRead, totalRows: p.totalRows } });
      },
    });
    if (!result.ok) {
      const issues = result.errors.map(toIssueDto);
      await setJob(jobId, {
        state: 'failed',
        issues,
        summary: { issueCount: result.errorCount, refused: result.refused, warnings: result.warnings.map(toIssueDto).slice(0, 200), counts: result.counts },
        progress: { phase: 'done', fraction: 1, rowsRead: result.counts.households + result.counts.members, totalRows: null },
      });
      return;
    }
    const dir = await catalog.directory();
    const prep = await prepareHouseholdImport(database, { ids, provinceCode: deps.provinceCode }, {
      round,
      households: result.households,
      members: result.members,
      directory: dir,
      canWrite: (village, date) => scope.isUnitInScope(principal, 'households.write', village, date),
    });
    const state = prep.issues.length ? 'failed' : 'parsed';
    if (state === 'parsed') prepared.set(jobId, prep);
    await setJob(jobId, {
      state,
      issues: prep.issues,
      summary: { ...prep.summary, issueCount: prep.issues.length, warnings: result.warnings.map(toIssueDto).slice(0, 200) },
      progress: { phase: 'done', fraction: 1, rowsRead: result.counts.households + result.counts.members, totalRows: result.counts.households + result.counts.members },
    });
  }

  return {
    /** Marks jobs cut off by a crash or restart, so that the officer can run them again. */
    async recoverInterrupted(): Promise<number> {
      const rows = await db
        .update(importJobs)
        .set({ state: 'failed', issues: [{ sheet: '', row: null, column: null, message: 'Lượt nhập bị gián đoạn (máy chủ khởi động lại). Không có dữ liệu nào được ghi; hãy chạy lại.' }], updatedAt: clock.now() })
        .where(inArray(importJobs.state, ['uploaded', 'parsing', 'committing', 'parsed']))
        .returning({ id: importJobs.id });
      return rows.length;
    },

    async upload(principal: Principal, actor: Actor, input: { fileName: string; stream: Readable; roundYear: number }): Promise<ImportJobDto> {
      const id = ids.newId();
      fs.mkdirSync(deps.uploadsDir, { recursive: true });
      const filePath = path.join(deps.uploadsDir, `${id}.xlsx`);
      const hash = createHash('sha256');
      let bytes = 0;
      input.stream.on('data', (chunk: Buffer) => {
        hash.update(chunk);
        bytes += chunk.length;
      });
      await pipeline(input.stream, fs.createWriteStream(filePath));
      if ((input.stream as Readable & { truncated?: boolean }).truncated) {
        fs.rmSync(filePath, { force: true });
        throw new AppError('request.too_large', `Tệp vượt quá dung lượng cho phép (${Math.round((deps.maxFileBytes ?? 0) / 1048576)} MB).`);
      }
      const now = clock.now();
      await db.insert(importJobs).values({
        id,
        provinceCode: deps.provinceCode,
        kind: 'households',
        roundYear: input.roundYear,
        fileName: input.fileName.normalize('NFC').slice(0, 200),
        fileSha256: hash.digest('hex'),
        fileBytes: bytes,
        state: 'parsing',
        progress: { phase: 'checking', fraction: 0, rowsRead: 0, totalRows: null },
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      });
      void parse(id, filePath, principal, input.roundYear).catch(async (error: unknown) => {
        const message = error instanceof AppError ? error.message : 'Không đọc được tệp: lỗi hệ thống khi kiểm tra.';
        await setJob(id, { state: 'failed', issues: [{ sheet: '', row: null, column: null, message }] }).catch(() => undefined);
      });
      return this.get(principal, id);
    },

    async get(principal: Principal, id: string): Promise<ImportJobDto> {
      return toDto(await loadJob(principal, id));
    },

    async commit(principal: Principal, actor: Actor, id: string): Promise<ImportJobDto> {
      const job = await loadJob(principal, id);
      const prep = prepared.get(id);
      if (job.state !== 'parsed' || !prep) {
        throw new AppError('imports.invalid', job.state === 'committed' ? 'Lượt nhập này đã được ghi.' : 'Chỉ ghi được lượt nhập đã kiểm tra xong và không có lỗi.');
      }
      const moved = await db.update(importJobs).set({ state: 'committing', updatedAt: clock.now() }).where(and(eq(importJobs.id, id), eq(importJobs.state, 'parsed'))).returning({ id: importJobs.id });
      if (moved.length === 0) throw new AppError('imports.conflict', 'Lượt nhập đang được ghi.');
      try {
        await commitHouseholdImport(database, { ids, clock, provinceCode: deps.provinceCode }, prep, actor, id);
      } catch (error) {
        await setJob(id, { state: 'failed', issues: [{ sheet: '', row: null, column: null, message: error instanceof AppError ? error.message : 'Ghi dữ liệu thất bại; không có dữ liệu nào được ghi.' }] });
        throw error;
      } finally {
        prepared.delete(id);
      }
      await deps.onFiguresChanged?.(prep.roundId);
      return this.get(principal, id);
    },

    async discard(principal: Principal, id: string): Promise<void> {
      const job = await loadJob(principal, id);
      if (job.state === 'committed') throw new AppError('imports.invalid', 'Lượt nhập đã ghi, không huỷ được.');
      prepared.delete(id);
      await setJob(id, { state: 'discarded' });
      fs.rmSync(path.join(deps.uploadsDir, `${id}.xlsx`), { force: true });
    },
  };
}
export type ImportsService = ReturnType<typeof createImportsService>;
