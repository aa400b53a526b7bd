// Lạng Sơn's administrative units with their history, built from the reference data in reference-data/lang-son
// (sources in SOURCES.md there). Three steps change the structure:
//   01/01/2020  NQ 818/NQ-UBTVQH14   226 → 200 communes  (rows of langson_dvhc_lineage_2019-2025.csv)
//   01/12/2024  NQ 1246/NQ-UBTVQH15  200 → 194 communes  (same file)
//   01/07/2025  NQ 1672/NQ-UBTVQH15  194 → 65 communes, district level abolished (langson_dvhc_2025-07-01.csv)
// The builder is pure over the CSV texts; only loadLangSonReference touches the file system.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kindFromName } from '../../domain/units/unit-kinds.ts';
import type { IsoDate, LineageEvent, UnitLevel, UnitVersion } from '../../domain/units/unit-types.ts';
import { parseCsv, requireField } from './read-csv.ts';
import {
  EVIDENCE_GRADE_TEXT,
  LINEAGE_EVIDENCE_GRADES,
  LINEAGE_SPLIT_REMARKS,
  UNRESOLVED_LINEAGE,
} from './lineage-evidence.ts';

export const LANG_SON_REFERENCE_DIR = fileURLToPath(
  new URL('../../../reference-data/lang-son/', import.meta.url),
);

export const LANG_SON_FILES = {
  list2019: 'langson_dvhc_2019-09-11.csv',
  list2025March: 'langson_dvhc_2025-03-01.csv',
  lineage: 'langson_dvhc_lineage_2019-2025.csv',
  list2025July: 'langson_dvhc_2025-07-01.csv',
} as const;

export const LANG_SON_PROVINCE_CODE = '20';

/**
 * The GSO list of 11/09/2019 is taken as the structure in force from 01/01/2016, the start of the 2016–2020
 * period that plan 165/KH-UBND (2017) belongs to, until the first merger on 01/01/2020 (DOMAIN.md §1). The sources
 * record no change to Lạng Sơn's units between 2016 and that list.
 */
export const LANG_SON_START_DATE: IsoDate = '2016-01-01';

/** NQ 1672/NQ-UBTVQH15 took effect on adoption (16/06/2025); the new communes began work on 01/07/2025 (Điều 2). */
export const TWO_TIER_START_DATE: IsoDate = '2025-07-01';

const LEGAL_BASIS_BY_RESOLUTION: Readonly<Record<string, string>> = {
  '818/NQ-UBTVQH14': 'Nghị quyết 818/NQ-UBTVQH14 (21/11/2019)',
  '1246/NQ-UBTVQH15': 'Nghị quyết 1246/NQ-UBTVQH15',
};
const LEGAL_BASIS_2025 = 'Nghị quyết 1672/NQ-UBTVQH15 (16/06/2025)';

export interface LangSonReference {
  versions: UnitVersion[];
  events: LineageEvent[];
}

/** The texts of the three CSV files the builder reads. */
export interface LangSonCsvTexts {
  list2019: string;
  lineage: string;
  list2025July: string;
}

export function loadLangSonReference(dir: string = LANG_SON_REFERENCE_DIR): LangSonReference {
  const read = (file: string) => readFileSync(join(dir, file), 'utf8');
  return buildLangSonReference({
    list2019: read(LANG_SON_FILES.list2019),
    lineage: read(LANG_SON_FILES.lineage),
    list2025July: read(LANG_SON_FILES.list2025July),
  });
}

function dataError(file: string, message: string): Error {
  return new Error(`Dữ liệu tham chiếu ${file}: ${message}`);
}

function version(
  code: string,
  name: string,
  level: UnitLevel,
  kind: string,
  parentCode: string | null,
  validFrom: IsoDate,
  legalBasis: string | null,
): UnitVersion {
  return { code, name, level, kind, parentCode, validFrom, validTo: null, legalBasis, isDemo: false };
}

export function buildLangSonReference(csv: LangSonCsvTexts): LangSonReference {
  const versions: UnitVersion[] = [];
  const events: LineageEvent[] = [];
  /** The version of each code that is open while the steps are applied in date order. */
  const open = new Map<string, UnitVersion>();

  function openVersion(v: UnitVersion): void {
    versions.push(v);
    open.set(v.code, v);
  }
  function closeVersion(code: string, date: IsoDate, file: string): UnitVersion {
    const v = open.get(code);
    if (!v) throw dataError(file, `mã ${code} không còn hiệu lực trước ngày ${date}.`);
    v.validTo = date;
    open.delete(code);
    return v;
  }

  // 1. The starting structure: province, 11 district-level units, 226 communes.
  const file2019 = LANG_SON_FILES.list2019;
  openVersion(
    version(LANG_SON_PROVINCE_CODE, 'Tỉnh Lạng Sơn', 'province', 'Tỉnh', null, LANG_SON_START_DATE, null),
  );
  for (const row of parseCsv(csv.list2019)) {
    if (requireField(row, 'province_code', file2019) !== LANG_SON_PROVINCE_CODE) {
      throw dataError(file2019, `dòng ngoài tỉnh Lạng Sơn: ${JSON.stringify(row)}.`);
    }
    const districtCode = requireField(row, 'district_code', file2019);
    if (!open.has(districtCode)) {
      const name = requireField(row, 'district_name', file2019);
      const kind = requireField(row, 'district_type', file2019);
      openVersion(
        version(districtCode, name, 'district', kind, LANG_SON_PROVINCE_CODE, LANG_SON_START_DATE, null),
      );
    }
    const code = requireField(row, 'commune_code', file2019);
    if (open.has(code)) throw dataError(file2019, `mã ${code} xuất hiện hai lần.`);
    const name = requireField(row, 'commune_name', file2019);
    const kind = requireField(row, 'commune_type', file2019);
    openVersion(version(code, name, 'commune', kind, districtCode, LANG_SON_START_DATE, null));
  }

  // 2. The 2020 and 2024 steps, one date at a time (all rows of a resolution take effect together).
  const fileLineage = LANG_SON_FILES.lineage;
  const lineageRows = parseCsv(csv.lineage).sort((a, b) =>
    (a.effective_date ?? '') < (b.effective_date ?? '')
      ? -1
      : (a.effective_date ?? '') > (b.effective_date ?? '')
        ? 1
        : 0,
  );
  const stepDates = [...new Set(lineageRows.map((r) => requireField(r, 'effective_date', fileLineage)))];
  for (const date of stepDates) {
    const rows = lineageRows.filter((r) => r.effective_date === date);
    for (const row of rows) {
      const oldCode = requireField(row, 'old_commune_code', fileLineage);
      const oldName = requireField(row, 'old_commune_name', fileLineage);
      const newCode = requireField(row, 'new_commune_code', fileLineage);
      const newName = requireField(row, 'new_commune_name', fileLineage);
      const resolution = requireField(row, 'resolution', fileLineage);
      const legalBasis = LEGAL_BASIS_BY_RESOLUTION[resolution];
      if (!legalBasis) throw dataError(fileLineage, `nghị quyết không rõ: ${resolution}.`);
      const old = open.get(oldCode);
      if (!old || old.name !== oldName) {
        throw dataError(
          fileLineage,
          `mã ${oldCode} không phải "${oldName}" ngay trước ngày ${date} (đang là "${old?.name ?? '—'}").`,
        );
      }
      const note = lineageNote(oldCode, requireField(row, 'source_url', fileLineage));
      const kind = requireField(row, 'kind', fileLineage);
      switch (kind) {
        case 'merge_full':
          closeVersion(oldCode, date, fileLineage);
          events.push({
            kind: 'merge_full',
            effectiveDate: date,
            legalBasis,
            fromCode: oldCode,
            toCode: newCode,
            share: null,
            note,
          });
          break;
        case 'unchanged_code_new_name': {
          if (newCode !== oldCode)
            throw dataError(fileLineage, `dòng đổi tên ${oldCode} lại mang mã mới ${newCode}.`);
          const closed = closeVersion(oldCode, date, fileLineage);
          openVersion(
            version(
              oldCode,
              newName,
              'commune',
              kindFromName(newName, 'commune'),
              closed.parentCode,
              date,
              legalBasis,
            ),
          );
          events.push({
            kind: 'rename',
            effectiveDate: date,
            legalBasis,
            fromCode: oldCode,
            toCode: oldCode,
            share: null,
            note,
          });
          break;
        }
        default:
          throw dataError(fileLineage, `loại dòng không rõ: ${kind}.`);
      }
    }
    // After the whole step every target must be open with the name the row gives it, in the same district.
    for (const row of rows) {
      const target = open.get(row.new_commune_code ?? '');
      if (!target || target.name !== row.new_commune_name) {
        throw dataError(
          fileLineage,
          `sau ngày ${date} không có "${row.new_commune_name}" mã ${row.new_commune_code}.`,
        );
      }
      const source = versions.find((v) => v.code === row.old_commune_code && v.validTo === date);
      if (source && source.parentCode !== target.parentCode) {
        throw dataError(
          fileLineage,
          `mã ${row.old_commune_code} và mã ${target.code} thuộc hai huyện khác nhau.`,
        );
      }
    }
  }

  // 3. From 01/07/2025: no district level; 65 communes directly under the province, each formed from old communes.
  const fileJuly = LANG_SON_FILES.list2025July;
  const before = new Map([...open.values()].filter((v) => v.level === 'commune').map((v) => [v.code, v]));
  const consumed = new Map<string, string[]>();
  for (const v of [...open.values()]) {
    if (v.level === 'commune' || v.level === 'district') closeVersion(v.code, TWO_TIER_START_DATE, fileJuly);
  }
  for (const row of parseCsv(csv.list2025July)) {
    const code = requireField(row, 'commune_code', fileJuly);
    const name = requireField(row, 'commune_name', fileJuly);
    if (requireField(row, 'province_code', fileJuly) !== LANG_SON_PROVINCE_CODE) {
      throw dataError(fileJuly, `dòng ngoài tỉnh Lạng Sơn: ${code}.`);
    }
    openVersion(
      version(
        code,
        name,
        'commune',
        kindFromName(name, 'commune'),
        LANG_SON_PROVINCE_CODE,
        TWO_TIER_START_DATE,
        LEGAL_BASIS_2025,
      ),
    );
    const fromCodes = requireField(row, 'merged_from_codes', fileJuly).split(';');
    const fromNames = requireField(row, 'merged_from_names', fileJuly).split(';');
    const fromTypes = requireField(row, 'merged_from_types', fileJuly).split(';');
    if (fromNames.length !== fromCodes.length || fromTypes.length !== fromCodes.length) {
      throw dataError(fileJuly, `các cột merged_from của mã ${code} không cùng số phần tử.`);
    }
    fromCodes.forEach((fromCode, i) => {
      const old = before.get(fromCode);
      const oldName = (fromNames[i] as string).trim();
      if (!old || old.name !== oldName) {
        throw dataError(
          fileJuly,
          `mã ${fromCode} không phải "${oldName}" trước ngày ${TWO_TIER_START_DATE}.`,
        );
      }
      const type = fromTypes[i];
      if (type !== 'full' && type !== 'partial')
        throw dataError(fileJuly, `kiểu sáp nhập không rõ: ${String(type)}.`);
      consumed.set(fromCode, [...(consumed.get(fromCode) ?? []), type]);
      events.push({
        kind: type === 'full' ? 'merge_full' : 'merge_partial',
        effectiveDate: TWO_TIER_START_DATE,
        legalBasis: LEGAL_BASIS_2025,
        fromCode,
        toCode: code,
        share: null,
        note:
          type === 'partial'
            ? 'Chỉ một phần diện tích tự nhiên và dân số chuyển sang; nghị quyết không nêu tỷ lệ'
            : null,
      });
    });
  }
  // Every commune of the last three-tier list must go somewhere: wholly once, or in parts to at least two units.
  for (const code of before.keys()) {
    const types = consumed.get(code) ?? [];
    const ok =
      (types.length === 1 && types[0] === 'full') ||
      (types.length >= 2 && types.every((t) => t === 'partial'));
    if (!ok)
      throw dataError(fileJuly, `mã ${code} được sáp nhập không đúng: ${types.join(', ') || 'không có'}.`);
  }
  return { versions, events };
}

function lineageNote(oldCode: string, sourceUrl: string): string {
  const grade = LINEAGE_EVIDENCE_GRADES.get(oldCode);
  if (!grade) throw dataError(LANG_SON_FILES.lineage, `mã ${oldCode} chưa có mức bằng chứng.`);
  const parts = [
    EVIDENCE_GRADE_TEXT[grade],
    UNRESOLVED_LINEAGE.get(oldCode),
    LINEAGE_SPLIT_REMARKS.get(oldCode),
    `Nguồn: ${sourceUrl}`,
  ];
  // The source address comes last and without a full stop, so that it stays a clean link.
  return parts.filter((p) => p !== undefined).join('. ');
}
