// `chung-tay classify --standard <id>`: JSON Lines on stdin, one classification per line on stdout
// (issue 3 §8). Streams line by line so a file of any size can be piped through; a bad line gets
// {"id","error"} on its own line and the others are still processed.

import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { CliCommand, CliIo } from '../cli-types.ts';
import { classifyHousehold, parseArea } from '../../domain/poverty/classify-household.ts';
import { PovertyRuleError } from '../../domain/poverty/poverty-errors.ts';
import type { PovertyStandard } from '../../domain/poverty/poverty-standard.ts';
import { standardById } from '../../domain/poverty/select-standard.ts';
import { POVERTY_STANDARDS } from '../../domain/poverty/standards.ts';

const USAGE = `Cách dùng: chung-tay classify --standard <mã chuẩn> < ho.jsonl

Mã chuẩn: ${POVERTY_STANDARDS.map((s) => `${s.id} (${s.legalBasis})`).join(', ')}.
Mỗi dòng vào: {"id": "...", "area": "rural"|"urban", "incomePerCapita"?: số, "b1Score"?: số, "deprivations": ["mã chỉ số", ...]}
Mỗi dòng ra:  {"id", "standard", "category", "deprivationCount", "reason"}, hoặc {"id", "error"} nếu dòng vào lỗi.
Mã thoát: 0 khi mọi dòng hợp lệ, 1 khi có dòng lỗi, 2 khi tham số dòng lệnh sai.`;

export const command: CliCommand = {
  name: 'classify',
  summary: 'Phân loại hộ nghèo, cận nghèo theo chuẩn nghèo (JSON Lines từ stdin ra stdout)',
  usage: USAGE,
  run: runClassify,
};

export interface ClassifiedLine {
  id: string;
  standard: string;
  category: string;
  deprivationCount: number;
  reason: string;
}

export interface FailedLine {
  id: string | null;
  error: string;
}

async function runClassify(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv);
  if (args.kind === 'help') {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.kind === 'error') {
    io.stderr.write(`${args.message}\n\n${USAGE}\n`);
    return 2;
  }
  let standard: PovertyStandard;
  try {
    standard = standardById(args.standardId);
  } catch (error) {
    if (!(error instanceof PovertyRuleError)) throw error;
    io.stderr.write(`${error.message}\n`);
    return 2;
  }

  let failed = false;
  let lineNumber = 0;
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
  for await (const raw of lines) {
    lineNumber += 1;
    const text = (lineNumber === 1 ? raw.replace(/^\uFEFF/u, '') : raw).trim();
    if (text === '') continue;
    const result = classifyLine(standard, text, lineNumber);
    if ('error' in result) failed = true;
    if (!io.stdout.write(`${JSON.stringify(result)}\n`)) await once(io.stdout, 'drain');
  }
  return failed ? 1 : 0;
}

type ParsedArgs = { kind: 'run'; standardId: string } | { kind: 'help' } | { kind: 'error'; message: string };

function parseArgs(argv: readonly string[]): ParsedArgs {
  let standardId: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
    if (arg === '--standard') {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--'))
        return { kind: 'error', message: 'Thiếu mã chuẩn sau --standard.' };
      standardId = value;
      i += 1;
    } else if (arg.startsWith('--standard=')) {
      standardId = arg.slice('--standard='.length);
    } else {
      return { kind: 'error', message: `Tham số không hợp lệ: ${arg}` };
    }
  }
  if (standardId === undefined || standardId === '') {
    return { kind: 'error', message: 'Cần chọn chuẩn nghèo: --standard <mã chuẩn>.' };
  }
  return { kind: 'run', standardId };
}

/** One input line → its output object; never throws for a bad line. */
export function classifyLine(
  standard: PovertyStandard,
  text: string,
  lineNumber: number,
): ClassifiedLine | FailedLine {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { id: null, error: `Dòng ${lineNumber}: không phải JSON hợp lệ.` };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { id: null, error: `Dòng ${lineNumber}: mỗi dòng phải là một đối tượng JSON {"id", "area", …}.` };
  }
  const record = value as Record<string, unknown>;
  const id = typeof record.id === 'string' && record.id.trim() !== '' ? record.id : null;
  const fail = (message: string): FailedLine => ({ id, error: `Dòng ${lineNumber}: ${message}` });
  if (id === null) return fail('thiếu mã hộ "id" (chuỗi ký tự).');

  const income = record.incomePerCapita ?? null;
  if (income !== null && typeof income !== 'number') {
    return fail('"incomePerCapita" phải là một số (đồng/người/tháng), ví dụ 850000.');
  }
  const b1Score = record.b1Score ?? null;
  if (b1Score !== null && typeof b1Score !== 'number') return fail('"b1Score" phải là một số.');
  const deprivations = record.deprivations;
  if (
    !Array.isArray(deprivations) ||
    !deprivations.every((code): code is string => typeof code === 'string')
  ) {
    return fail(
      '"deprivations" phải là danh sách mã chỉ số thiếu hụt, ví dụ ["health_insurance"]; ghi [] nếu hộ không thiếu hụt chỉ số nào.',
    );
  }
  try {
    const result = classifyHousehold(standard, {
      area: parseArea(record.area),
      incomePerCapita: income,
      b1Score,
      deprivations,
    });
    return {
      id,
      standard: result.standard,
      category: result.category,
      deprivationCount: result.deprivationCount,
      reason: result.reason,
    };
  } catch (error) {
    if (error instanceof PovertyRuleError) return fail(error.message);
    throw error;
  }
}
