import { readConfig } from '../../config.ts';
import { openAppDatabase } from '../../server/runtime.ts';
import { systemClock, randomIds } from '../../shared/clock.ts';
import { readHouseholdWorkbook } from '../../import/read-household-workbook.ts';
import { createUnitsCatalog } from '../../server/modules/units/units.service.ts';
import { getRoundByYear } from '../../server/modules/rounds/rounds.repository.ts';
import { IMPORT_ROW_LIMITS, commitHouseholdImport, prepareHouseholdImport } from '../../server/modules/imports/import-households.ts';
import { toIssueDto } from '../../server/modules/imports/imports.service.ts';
import { importJobs } from '../../db/schema/index.ts';
import { AppError } from '../../server/errors.ts';
import { formatNumber } from '../../shared/vi-format.ts';
import type { CliCommand } from '../cli-types.ts';
import { parseOptions } from '../args.ts';

const usage = `npx chung-tay import <tệp.xlsx> --round <năm> [--dry-run]

Nhập danh sách hộ và thành viên từ tệp Excel theo mẫu vào kỳ rà soát của năm đã chọn.
Tất cả hoặc không: nếu có dù chỉ một dòng lỗi thì không ghi gì và liệt kê mọi lỗi (trang, dòng, cột, nội dung).
--dry-run: chỉ kiểm tra và xem trước, không ghi.`;

export const command: CliCommand = {
  name: 'import',
  summary: 'Nhập hộ gia đình từ tệp Excel (tất cả hoặc không)',
  usage,
  async run(argv, io) {
    const parsed = parseOptions(argv, { round: { type: 'string' }, 'dry-run': { type: 'boolean' } }, io.stderr, usage, true);
    if (!parsed) return 2;
    const file = parsed.positionals[0];
    const year = Number(parsed.values.round);
    if (!file || !Number.isInteger(year)) {
      io.stderr.write(`Cần tên tệp và --round <năm>.\n\n${usage}\n`);
      return 2;
    }
    const config = readConfig(io.env, io.cwd);
    const database = await openAppDatabase(config);
    try {
      const round = await getRoundByYear(database.db, config.provinceCode, year);
      if (!round) {
        io.stderr.write(`Chưa mở kỳ rà soát năm ${year}.\n`);
        return 1;
      }
      let lastShown = -1;
      const result = await readHouseholdWorkbook(file, {
        maxRowsPerSheet: IMPORT_ROW_LIMITS,
        onProgress: (p) => {
          const pct = Math.floor(p.fraction * 100);
          if (pct !== lastShown && pct % 5 === 0) {
            lastShown = pct;
            io.stderr.write(`\rĐang đọc tệp… ${pct}% (${formatNumber(p.rowsRead)} dòng)`);
          }
        },
      });
      io.stderr.write('\n');
      const printIssues = (issues: { sheet: string; row: number | null; column: string | null; message: string }[], total: number) => {
        for (const i of issues) io.stderr.write(`${i.sheet || 'Tệp'}${i.row ? `, dòng ${i.row}` : ''}${i.column ? `, ${i.column}` : ''}: ${i.message}\n`);
        io.stderr.write(`Có ${formatNumber(total)} lỗi: không ghi dữ liệu nào.\n`);
      };
      if (!result.ok) {
        printIssues(result.errors.map(toIssueDto), result.errorCount);
        return 1;
      }
      const prep = await prepareHouseholdImport(database, { ids: randomIds, provinceCode: config.provinceCode }, {
        round,
        households: result.households,
        members: result.members,
        directory: await createUnitsCatalog(database.db).directory(),
        canWrite: async () => true,
      });
      if (prep.issues.length) {
        printIssues(prep.issues, prep.issues.length);
        return 1;
      }
      const s = prep.summary;
      io.stdout.write(
        `Kiểm tra xong: ${formatNumber(s.households)} hộ (${formatNumber(s.newHouseholds)} mới, ${formatNumber(s.updatedHouseholds)} cập nhật), ${formatNumber(s.members)} thành viên; ` +
          `hộ nghèo ${formatNumber(s.byCategory.poor)}, cận nghèo ${formatNumber(s.byCategory.near_poor)}.\n`,
      );
      if (parsed.values['dry-run']) return 0;
      const jobId = randomIds.newId();
      const now = systemClock.now();
      await database.db.insert(importJobs).values({ id: jobId, provinceCode: config.provinceCode, kind: 'households', roundYear: year, fileName: file, fileSha256: '', fileBytes: 0, state: 'committing', createdAt: now, updatedAt: now });
      await commitHouseholdImport(database, { ids: randomIds, clock: systemClock, provinceCode: config.provinceCode }, prep, { userId: null, name: 'Dòng lệnh (chung-tay import)' }, jobId);
      io.stdout.write(`Đã ghi vào kỳ rà soát năm ${year}.\n`);
      return 0;
    } catch (error) {
      if (error instanceof AppError) {
        io.stderr.write(`${error.message}\n`);
        return 1;
      }
      throw error;
    } finally {
      await database.close();
    }
  },
};
