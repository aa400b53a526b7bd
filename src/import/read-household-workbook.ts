// Read a household import workbook (sheets "Hộ gia đình" and "Thành viên") as a stream, and return
// either every validated row or every problem found, located by sheet, row and column, in
// Vietnamese. All-or-nothing: one error anywhere means no rows are returned. Nothing here throws:
// a file that cannot be read is a refusal with its reason.

import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import type {
  HouseholdImportRow,
  ImportSheet,
  ImportSheetKey,
  MemberImportRow,
} from '../shared/schemas/household-import.schema.ts';
import {
  HOUSEHOLD_SHEET,
  householdImportRowSchema,
  MEMBER_SHEET,
  memberImportRowSchema,
} from '../shared/schemas/household-import.schema.ts';
import { AcrossSheetChecks } from './check-across-sheets.ts';
import type { ImportIssue } from './import-issue.ts';
import { fileTooLargeMessage, ImportRefusal, IssueCollector } from './import-issue.ts';
import { foldLabel } from './parse-cell.ts';
import { SheetReading } from './sheet-reading.ts';
import { validateImportRow } from './validate-import-row.ts';
import type { WorkbookSheet, XlsxPackage, ZipEntry } from './xlsx-package.ts';
import { openXlsxPackage, streamWorkbookParts, verifyPart } from './xlsx-package.ts';

export const DEFAULT_IMPORT_LIMITS = {
  maxFileBytes: 200 * 1024 * 1024,
  maxUncompressedBytes: 2 * 1024 * 1024 * 1024,
  maxRowsPerSheet: 300_000,
  maxCellLength: 2_000,
  maxErrors: 10_000,
  maxWarnings: 2_000,
  // Excel holds at most 32,767 characters in a cell; written as XML with entities that is well
  // under this many bytes.
  maxTextRunBytes: 300_000,
} as const;

export interface ImportProgress {
  /** receiving: copying an uploaded stream; checking: verifying the zip; reading: parsing rows. */
  readonly phase: 'receiving' | 'checking' | 'reading' | 'done';
  /** The sheet being read, as named in the file. */
  readonly sheet: string | null;
  readonly rowsRead: number;
  /** Rows in the two sheets, counted while checking; null before. */
  readonly totalRows: number | null;
  readonly bytesRead: number;
  readonly totalBytes: number | null;
  /** 0…1 over the whole import, for a progress bar. */
  readonly fraction: number;
}

export interface ImportedRow<T> {
  /** Excel row number. */
  readonly row: number;
  readonly value: T;
}

export type ImportedRowEvent =
  | { readonly sheet: 'households'; readonly row: number; readonly value: HouseholdImportRow }
  | { readonly sheet: 'members'; readonly row: number; readonly value: MemberImportRow };

export interface ReadHouseholdWorkbookOptions {
  readonly maxFileBytes?: number;
  /** Sum of the inflated sizes of the parts read: the guard against zip bombs. */
  readonly maxUncompressedBytes?: number;
  /** Data rows (blank rows not counted) per sheet; one number for both sheets or one per sheet. */
  readonly maxRowsPerSheet?: number | Partial<Readonly<Record<ImportSheetKey, number>>>;
  readonly maxCellLength?: number;
  /** Errors listed in full; the rest are counted. */
  readonly maxErrors?: number;
  /** Keep the validated rows in the result (default); false when onRow consumes them. */
  readonly keepRows?: boolean;
  /** Each valid row as it is read; the caller discards them if the result is not ok. */
  readonly onRow?: (event: ImportedRowEvent) => void;
  readonly onProgress?: (progress: ImportProgress) => void;
  /** Size of a stream input, when known (Content-Length), for progress while receiving. */
  readonly totalBytes?: number;
  /** Where a stream input is copied before reading; the system's temporary folder by default. */
  readonly tempDir?: string;
}

export interface ImportCounts {
  readonly households: number;
  readonly members: number;
  readonly blankRows: number;
}

export type HouseholdWorkbookResult =
  | {
      readonly ok: true;
      readonly households: readonly ImportedRow<HouseholdImportRow>[];
      readonly members: readonly ImportedRow<MemberImportRow>[];
      readonly warnings: readonly ImportIssue[];
      readonly counts: ImportCounts;
    }
  | {
      readonly ok: false;
      /** True when the file as a whole was refused (too large, not an .xlsx, a sheet missing…). */
      readonly refused: boolean;
      readonly errors: readonly ImportIssue[];
      /** All errors, including those beyond maxErrors that are not listed. */
      readonly errorCount: number;
      readonly warnings: readonly ImportIssue[];
      readonly counts: ImportCounts;
    };

function rowLimitOf(option: ReadHouseholdWorkbookOptions['maxRowsPerSheet'], sheet: ImportSheetKey): number {
  if (option === undefined) return DEFAULT_IMPORT_LIMITS.maxRowsPerSheet;
  if (typeof option === 'number') return option;
  return option[sheet] ?? DEFAULT_IMPORT_LIMITS.maxRowsPerSheet;
}

/** The workbook's sheet for one of ours: by name or alias, without accents or case. */
export function findWorkbookSheet(sheets: readonly WorkbookSheet[], sheet: ImportSheet): WorkbookSheet | null {
  const wanted = foldLabel(sheet.name);
  const exact = sheets.find((s) => foldLabel(s.name) === wanted);
  if (exact !== undefined) return exact;
  const aliases = new Set(sheet.aliases.map(foldLabel));
  return sheets.find((s) => aliases.has(foldLabel(s.name))) ?? null;
}

/** Copy an uploaded stream to a temporary file, refusing it as soon as it passes the size limit. */
async function spoolToFile(
  input: Readable,
  directory: string,
  maxFileBytes: number,
  onBytes: (total: number) => void,
): Promise<string> {
  const path = join(directory, 'upload.xlsx');
  let total = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      total += chunk.length;
      if (total > maxFileBytes) {
        callback(new ImportRefusal('file_too_large', fileTooLargeMessage(null, maxFileBytes)));
        return;
      }
      onBytes(total);
      callback(null, chunk);
    },
  });
  try {
    await pipeline(input, counter, createWriteStream(path));
  } catch (error) {
    if (error instanceof ImportRefusal) throw error;
    const refusal = new ImportRefusal('unreadable', 'Việc tải tệp lên bị gián đoạn, tệp chưa nhận đủ; hãy tải lại.');
    refusal.issue = { ...refusal.issue, detail: describe(error) };
    throw refusal;
  }
  return path;
}

type ExcelRow = { readonly number: number; readonly values: unknown };
type SheetEmitter = AsyncIterable<ExcelRow> & { readonly name?: string };

/**
 * Read a household import workbook from a file path or a stream. Never throws: every failure is
 * in the result as a Vietnamese message.
 */
export async function readHouseholdWorkbook(
  input: string | Readable,
  options: ReadHouseholdWorkbookOptions = {},
): Promise<HouseholdWorkbookResult> {
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_IMPORT_LIMITS.maxFileBytes;
  const maxCellLength = options.maxCellLength ?? DEFAULT_IMPORT_LIMITS.maxCellLength;
  const keepRows = options.keepRows ?? true;
  const issues = new IssueCollector(options.maxErrors ?? DEFAULT_IMPORT_LIMITS.maxErrors, DEFAULT_IMPORT_LIMITS.maxWarnings);
  const households: ImportedRow<HouseholdImportRow>[] = [];
  const members: ImportedRow<MemberImportRow>[] = [];
  const counts = { households: 0, members: 0, blankRows: 0 };

  // Progress: checking weighs 15% of the bar, reading the rest.
  const progress = {
    phase: 'receiving' as ImportProgress['phase'],
    sheet: null as string | null,
    rowsRead: 0,
    totalRows: null as number | null,
    bytesRead: 0,
    totalBytes: options.totalBytes ?? null,
  };
  let lastReport = { rows: -1, bytes: -1, phase: '' };
  const report = (force = false) => {
    if (options.onProgress === undefined) return;
    const movedEnough =
      progress.rowsRead - lastReport.rows >= 2_000 || progress.bytesRead - lastReport.bytes >= 1024 * 1024 || progress.phase !== lastReport.phase;
    if (!force && !movedEnough) return;
    lastReport = { rows: progress.rowsRead, bytes: progress.bytesRead, phase: progress.phase };
    const share = progress.totalBytes === null || progress.totalBytes === 0 ? 0 : Math.min(1, progress.bytesRead / progress.totalBytes);
    const byRows = progress.totalRows === null || progress.totalRows === 0 ? share : Math.min(1, progress.rowsRead / progress.totalRows);
    const fraction =
      progress.phase === 'done' ? 1 : progress.phase === 'reading' ? 0.15 + 0.85 * Math.max(share, byRows) : progress.phase === 'checking' ? 0.15 * share : 0;
    try {
      options.onProgress({ ...progress, fraction });
    } catch {
      // A failing progress bar must not fail the import.
    }
  };

  const refusedResult = (): HouseholdWorkbookResult => ({
    ok: false,
    refused: true,
    errors: issues.listErrors(),
    errorCount: issues.errorCount,
    warnings: issues.listWarnings(),
    counts,
  });

  let spoolDirectory: string | null = null;
  let stream: Readable | null = null;
  try {
    let path: string;
    if (typeof input === 'string') {
      path = input;
    } else {
      spoolDirectory = await mkdtemp(join(options.tempDir ?? tmpdir(), 'chung-tay-import-'));
      report(true);
      path = await spoolToFile(input, spoolDirectory, maxFileBytes, (total) => {
        progress.bytesRead = total;
        report();
      });
    }

    const pkg: XlsxPackage = await openXlsxPackage(path, { maxFileBytes });

    // Both sheets must be there; say which are missing and what the file has instead.
    const found = new Map<ImportSheetKey, WorkbookSheet>();
    for (const sheet of [HOUSEHOLD_SHEET, MEMBER_SHEET]) {
      const match = findWorkbookSheet(pkg.sheets, sheet);
      if (match === null) {
        const names = pkg.sheets.map((s) => `"${s.name}"`).join(', ');
        issues.add({
          severity: 'error',
          code: 'missing_sheet',
          sheet: null,
          row: null,
          column: null,
          message: `Không tìm thấy trang "${sheet.name}". Các trang có trong tệp: ${names === '' ? '(không có)' : names}.`,
        });
      } else if (match.entry === null) {
        throw new ImportRefusal('corrupt_zip', `Tệp .xlsx bị hỏng: thiếu nội dung của trang "${match.name}". Hãy mở tệp bằng Excel và lưu lại.`);
      } else {
        found.set(sheet.key, match);
      }
    }
    const householdSheet = found.get('households');
    const memberSheet = found.get('members');
    if (householdSheet?.entry == null || memberSheet?.entry == null) return refusedResult();
    if (householdSheet.entry === memberSheet.entry) {
      throw new ImportRefusal('corrupt_zip', 'Tệp .xlsx bị hỏng: hai trang trỏ tới cùng một nội dung.');
    }

    // Verify every part before parsing any.
    const parts: ZipEntry[] = [pkg.styles, pkg.sharedStrings, householdSheet.entry, memberSheet.entry].filter(
      (e): e is ZipEntry => e !== null,
    );
    const limits = {
      maxUncompressedBytes: options.maxUncompressedBytes ?? DEFAULT_IMPORT_LIMITS.maxUncompressedBytes,
      maxTextRunBytes: DEFAULT_IMPORT_LIMITS.maxTextRunBytes,
    };
    progress.phase = 'checking';
    progress.bytesRead = 0;
    progress.totalBytes = parts.reduce((sum, e) => sum + e.compressedSize, 0);
    report(true);
    const budget = { used: 0 };
    let totalRows = 0;
    for (const part of parts) {
      const check = await verifyPart(pkg.path, part, limits, budget, (bytes) => {
        progress.bytesRead += bytes;
        report();
      });
      if (part === householdSheet.entry || part === memberSheet.entry) totalRows += check.rows;
    }

    // Read the rows: households first, so each member can be checked against them.
    progress.phase = 'reading';
    progress.bytesRead = 0;
    progress.totalRows = totalRows;
    report(true);

    const sheetNames: Record<ImportSheetKey, string> = { households: householdSheet.name, members: memberSheet.name };
    const across = new AcrossSheetChecks(householdSheet.name, memberSheet.name, (issue) => issues.add(issue));

    const householdReading: SheetReading = new SheetReading(
      HOUSEHOLD_SHEET,
      householdSheet.name,
      rowLimitOf(options.maxRowsPerSheet, 'households'),
      (issue) => issues.add(issue),
      (rowNumber, values, layout) => {
        const outcome = validateImportRow(householdImportRowSchema, values, rowNumber, { sheet: HOUSEHOLD_SHEET, sheetName: householdSheet.name, layout, maxCellLength });
        if (outcome.kind === 'blank') {
          counts.blankRows += 1;
          return 'blank';
        }
        if (outcome.kind === 'invalid') for (const issue of outcome.issues) issues.add(issue);
        const code = outcome.kind === 'valid' ? outcome.value.code : validCode(outcome.assembled['code']);
        if (code === null || !across.household(code, rowNumber, layout) || outcome.kind !== 'valid') return 'data';
        counts.households += 1;
        if (keepRows) households.push({ row: rowNumber, value: outcome.value });
        options.onRow?.({ sheet: 'households', row: rowNumber, value: outcome.value });
        return 'data';
      },
    );

    const memberReading: SheetReading = new SheetReading(
      MEMBER_SHEET,
      memberSheet.name,
      rowLimitOf(options.maxRowsPerSheet, 'members'),
      (issue) => issues.add(issue),
      (rowNumber, values, layout) => {
        const outcome = validateImportRow(memberImportRowSchema, values, rowNumber, { sheet: MEMBER_SHEET, sheetName: memberSheet.name, layout, maxCellLength });
        if (outcome.kind === 'blank') {
          counts.blankRows += 1;
          return 'blank';
        }
        if (outcome.kind === 'invalid') for (const issue of outcome.issues) issues.add(issue);
        const code = outcome.kind === 'valid' ? outcome.value.householdCode : validCode(outcome.assembled['householdCode']);
        const relation = outcome.kind === 'valid' ? outcome.value.relationToHead : outcome.assembled['relationToHead'];
        // Members of an unreadable households sheet cannot be checked against it.
        if (code !== null && !householdReading.unusable) across.member(code, relation === 'head', rowNumber, layout);
        if (outcome.kind !== 'valid') return 'data';
        const citizenId = outcome.value.citizenId;
        if (citizenId !== undefined && !across.citizenId(citizenId, rowNumber, layout)) return 'data';
        counts.members += 1;
        if (keepRows) members.push({ row: rowNumber, value: outcome.value });
        options.onRow?.({ sheet: 'members', row: rowNumber, value: outcome.value });
        return 'data';
      },
    );

    const readings: Record<ImportSheetKey, SheetReading> = { households: householdReading, members: memberReading };
    let readFailure: unknown = null;
    stream = streamWorkbookParts(
      pkg,
      [
        { id: 'households', entry: householdSheet.entry },
        { id: 'members', entry: memberSheet.entry },
      ],
      (bytes) => {
        progress.bytesRead += bytes;
      },
      (error) => {
        readFailure = error;
      },
    );
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'ignore',
    });
    try {
      for await (const worksheet of reader as AsyncIterable<SheetEmitter>) {
        const key = worksheet.name === 'households' || worksheet.name === 'members' ? worksheet.name : null;
        if (key === null) continue;
        const reading = readings[key];
        progress.sheet = sheetNames[key];
        for await (const row of worksheet) {
          // Rows without a number (an optional attribute Excel always writes) cannot be located.
          if (!Number.isInteger(row.number) || row.number < 1) throw new Error('row without a number');
          progress.rowsRead += 1;
          reading.accept(row.number, Array.isArray(row.values) ? (row.values as unknown[]) : []);
          report();
        }
        reading.finish();
      }
      if (readFailure !== null) throw readFailure;
    } catch (error) {
      if (error instanceof ImportRefusal) throw error;
      const refusal = new ImportRefusal(
        'corrupt_zip',
        'Tệp .xlsx bị hỏng hoặc có cấu trúc bất thường, không đọc được nội dung trang tính. Hãy mở tệp bằng Excel và lưu lại.',
        { sheet: progress.sheet },
      );
      refusal.issue = { ...refusal.issue, detail: describe(readFailure ?? error) };
      throw refusal;
    }
    householdReading.finish();
    memberReading.finish();
    if (!householdReading.unusable && !memberReading.unusable) across.finish(householdReading.layout);

    progress.phase = 'done';
    report(true);
    if (issues.errorCount > 0) {
      return {
        ok: false,
        refused: false,
        errors: issues.listErrors(),
        errorCount: issues.errorCount,
        warnings: issues.listWarnings(),
        counts,
      };
    }
    return { ok: true, households, members, warnings: issues.listWarnings(), counts };
  } catch (error) {
    if (error instanceof ImportRefusal) {
      issues.add(error.issue);
    } else {
      issues.add({
        severity: 'error',
        code: 'unreadable',
        sheet: null,
        row: null,
        column: null,
        message: 'Không đọc được tệp Excel. Hãy mở tệp bằng Excel, lưu lại dưới dạng .xlsx rồi thử lại.',
        detail: describe(error),
      });
    }
    return refusedResult();
  } finally {
    stream?.destroy();
    if (spoolDirectory !== null) await rm(spoolDirectory, { recursive: true, force: true }).catch(() => undefined);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function validCode(value: unknown): string | null {
  return householdImportRowSchema.shape.code.safeParse(value).success ? (value as string) : null;
}
