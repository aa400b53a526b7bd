// `chung-tay mpi --k <số> [--weights <json>]`: Alkire–Foster measures of a set of households (issue 4 §7).
// Input is JSON Lines, one household per line; output is ONE JSON object with H, A, M0, the censored
// headcount and the contribution of each indicator, ratios unrounded. M0 needs every household, so the
// input is read whole; a bad line stops the computation (a measure over part of the data would mislead).

import { createInterface } from 'node:readline';
import type { CliCommand, CliIo } from '../cli-types.ts';
import { parseOptions } from '../args.ts';
import { computeAlkireFoster } from '../../domain/stats/alkire-foster.ts';
import type { AlkireFosterUnit } from '../../domain/stats/alkire-foster.ts';
import { StatsError } from '../../domain/stats/stats-errors.ts';

const USAGE = `Cách dùng: chung-tay mpi --k <số> [--weights <json>] < ho.jsonl

Mỗi dòng vào là một hộ:
  {"id": "mã hộ", "weight"?: số, "deprivations": ["mã chỉ số", ...], "indicators": ["mã chỉ số", ...]}
  "indicators" là toàn bộ các chỉ số áp dụng, giống nhau trên mọi dòng; "weight" là trọng số mẫu của hộ (mặc định 1).
Ra: một đối tượng JSON {"H", "A", "M0", "censoredHeadcount": {chỉ số: tỷ lệ}, "contribution": {chỉ số: %}}.
Tuỳ chọn:
  --k <số>          ngưỡng nghèo đa chiều: hộ nghèo khi tổng trọng số các chỉ số thiếu hụt ≥ k (ví dụ 3)
  --weights <json>  trọng số từng chỉ số, ví dụ '{"water": 2}'; chỉ số không nêu có trọng số 1
Mã thoát: 0 thành công, 1 khi dữ liệu vào lỗi, 2 khi tham số dòng lệnh sai.`;

/** More than this many bad lines are summarised: the officer fixes the file, not each line from the terminal. */
const MAX_REPORTED_ERRORS = 20;

export const command: CliCommand = {
  name: 'mpi',
  summary: 'Tính chỉ số nghèo đa chiều Alkire–Foster (H, A, M0, đóng góp từng chỉ số) từ JSON Lines',
  usage: USAGE,
  run: runMpi,
};

interface MpiLine {
  line: number;
  unit: AlkireFosterUnit;
  indicators: string[];
}

async function runMpi(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseOptions(
    argv,
    { k: { type: 'string' }, weights: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    io.stderr,
    USAGE,
  );
  if (parsed === null) return 2;
  if (parsed.values.help === true) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const k = parseCutoff(parsed.values.k);
  if (typeof k === 'string') {
    io.stderr.write(`${k}\n\n${USAGE}\n`);
    return 2;
  }
  const indicatorWeights = parseWeights(parsed.values.weights);
  if (typeof indicatorWeights === 'string') {
    io.stderr.write(`${indicatorWeights}\n\n${USAGE}\n`);
    return 2;
  }

  const lines: MpiLine[] = [];
  const errors: string[] = [];
  let lineNumber = 0;
  for await (const raw of createInterface({ input: io.stdin, crlfDelay: Infinity })) {
    lineNumber += 1;
    const text = (lineNumber === 1 ? raw.replace(/^\uFEFF/u, '') : raw).trim();
    if (text === '') continue;
    const result = parseLine(text, lineNumber, lines[0]);
    if (typeof result === 'string') errors.push(result);
    else lines.push(result);
  }
  if (errors.length > 0) return reportErrors(io, errors);
  const first = lines[0];
  if (!first) return reportErrors(io, ['Không có dòng dữ liệu nào: cần ít nhất một hộ.']);

  try {
    const result = computeAlkireFoster({
      units: lines.map((l) => l.unit),
      indicators: first.indicators,
      k,
      indicatorWeights,
    });
    const { H, A, M0, censoredHeadcount, contribution } = result;
    io.stdout.write(`${JSON.stringify({ H, A, M0, censoredHeadcount, contribution })}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof StatsError)) throw error;
    const at = error.index === undefined ? undefined : lines[error.index];
    return reportErrors(io, [at ? `Dòng ${at.line}: ${error.message}` : error.message]);
  }
}

function parseCutoff(value: string | undefined): number | string {
  if (value === undefined) return 'Thiếu ngưỡng --k (ví dụ --k 3).';
  const k = value.trim() === '' ? Number.NaN : Number(value);
  if (!Number.isFinite(k) || k <= 0) return `Ngưỡng --k phải là một số dương (nhận được "${value}").`;
  return k;
}

function parseWeights(value: string | undefined): Record<string, number> | undefined | string {
  if (value === undefined) return undefined;
  let weights: unknown;
  try {
    weights = JSON.parse(value);
  } catch {
    return `--weights không phải JSON hợp lệ; ví dụ: --weights '{"water": 2, "latrine": 0.5}'.`;
  }
  if (weights === null || typeof weights !== 'object' || Array.isArray(weights)) {
    return '--weights phải là một đối tượng JSON {"mã chỉ số": trọng số}.';
  }
  for (const [code, weight] of Object.entries(weights)) {
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight <= 0) {
      return `--weights: trọng số của chỉ số "${code}" phải là số dương (nhận được ${JSON.stringify(weight)}).`;
    }
  }
  return weights as Record<string, number>;
}

/** One line → its household, or the Vietnamese reason it cannot be read. */
function parseLine(text: string, line: number, first: MpiLine | undefined): MpiLine | string {
  const fail = (message: string): string => `Dòng ${line}: ${message}`;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return fail('không phải JSON hợp lệ.');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return fail('mỗi dòng phải là một đối tượng JSON {"id", "deprivations", "indicators"}.');
  }
  const record = value as Record<string, unknown>;
  if (typeof record.id !== 'string' || record.id.trim() === '')
    return fail('thiếu mã hộ "id" (chuỗi ký tự).');
  // An export with an empty "weight" cell writes null: the default weight 1.
  const weight = record.weight ?? undefined;
  if (weight !== undefined && (typeof weight !== 'number' || !(weight > 0))) {
    return fail(`"weight" (trọng số mẫu) phải là số dương (nhận được ${JSON.stringify(weight)}).`);
  }
  const deprivations = record.deprivations;
  if (!isStringList(deprivations)) {
    return fail(
      '"deprivations" phải là danh sách mã chỉ số thiếu hụt, ví dụ ["water"]; ghi [] nếu hộ không thiếu hụt chỉ số nào.',
    );
  }
  const indicators = record.indicators;
  if (!isStringList(indicators) || indicators.length === 0) {
    return fail(
      '"indicators" phải là danh sách (không trống) mọi mã chỉ số áp dụng, ví dụ ["water", "latrine", …].',
    );
  }
  if (new Set(indicators).size !== indicators.length) return fail('"indicators" có mã chỉ số lặp lại.');
  if (first && !sameMembers(indicators, first.indicators)) {
    return fail(`"indicators" khác với dòng ${first.line}; mọi dòng phải có cùng danh sách chỉ số.`);
  }
  return { line, unit: { id: record.id, weight, deprivations }, indicators };
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const members = new Set(b);
  return a.every((item) => members.has(item));
}

function reportErrors(io: CliIo, errors: readonly string[]): number {
  const shown = errors.slice(0, MAX_REPORTED_ERRORS);
  const rest = errors.length - shown.length;
  io.stderr.write(`${shown.join('\n')}\n${rest > 0 ? `… và ${rest} dòng lỗi khác.\n` : ''}`);
  return 1;
}
