// `chung-tay targets`: yearly attainment of the poor-household rate target (issue 4 §7; criteria 2.4, 3.4,
// 4.5 of Kế hoạch 165/KH-UBND). Lines {"unit","year","rate","target"?} in any order on stdin; one line
// {"unit","year","baseline","rate","required","reduction","attained"} per unit and year that has the
// previous year, ordered by unit then year, judged by the default rule set (plan165-2017@1).
// A year's baseline is another line, so the input is read whole and a bad line stops the run.

import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { CliCommand, CliIo } from '../cli-types.ts';
import { parseOptions } from '../args.ts';
import { PLAN_165_2017_TARGETS, ruleSetKey } from '../../domain/stats/target-rule-sets.ts';
import { describeTargetBands, evaluateAttainments } from '../../domain/stats/targets.ts';
import type { RateObservation } from '../../domain/stats/targets.ts';
import { StatsError } from '../../domain/stats/stats-errors.ts';

const USAGE = `Cách dùng: chung-tay targets < ty-le-ho-ngheo.jsonl

Mỗi dòng vào, theo thứ tự bất kỳ: {"unit": "mã đơn vị", "year": năm, "rate": tỷ lệ hộ nghèo (%), "target"?: số điểm}
  "target" là mức giảm (điểm phần trăm) đơn vị tự đặt cho năm đó; nếu có, nó thay cho quy tắc chung.
Mỗi dòng ra, theo đơn vị rồi năm, cho mỗi năm có số liệu năm trước:
  {"unit", "year", "baseline", "rate", "required", "reduction", "attained"}
Quy tắc ${ruleSetKey(PLAN_165_2017_TARGETS)} (${PLAN_165_2017_TARGETS.source}):
${describeTargetBands()
  .map((line) => `  ${line}`)
  .join('\n')}
Tỷ lệ được làm tròn hai chữ số thập phân trước khi so sánh.
Mã thoát: 0 thành công, 1 khi dữ liệu vào lỗi, 2 khi tham số dòng lệnh sai.`;

/** More than this many bad lines are summarised. */
const MAX_REPORTED_ERRORS = 20;

export const command: CliCommand = {
  name: 'targets',
  summary: 'Đánh giá mức giảm tỷ lệ hộ nghèo hằng năm so với mục tiêu (JSON Lines từ stdin ra stdout)',
  usage: USAGE,
  run: runTargets,
};

interface ObservationLine {
  line: number;
  observation: RateObservation;
}

async function runTargets(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseOptions(argv, { help: { type: 'boolean', short: 'h' } }, io.stderr, USAGE);
  if (parsed === null) return 2;
  if (parsed.values.help === true) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }

  const lines: ObservationLine[] = [];
  const errors: string[] = [];
  let lineNumber = 0;
  for await (const raw of createInterface({ input: io.stdin, crlfDelay: Infinity })) {
    lineNumber += 1;
    const text = (lineNumber === 1 ? raw.replace(/^\uFEFF/u, '') : raw).trim();
    if (text === '') continue;
    const result = parseLine(text, lineNumber);
    if (typeof result === 'string') errors.push(result);
    else lines.push(result);
  }
  if (errors.length > 0) return reportErrors(io, errors);

  let attainments;
  try {
    attainments = evaluateAttainments(lines.map((l) => l.observation));
  } catch (error) {
    if (!(error instanceof StatsError)) throw error;
    const at = error.index === undefined ? undefined : lines[error.index];
    return reportErrors(io, [at ? `Dòng ${at.line}: ${error.message}` : error.message]);
  }
  for (const a of attainments) {
    const output = {
      unit: a.unit,
      year: a.year,
      baseline: a.baseline,
      rate: a.rate,
      required: a.required,
      reduction: a.reduction,
      attained: a.attained,
    };
    if (!io.stdout.write(`${JSON.stringify(output)}\n`)) await once(io.stdout, 'drain');
  }
  return 0;
}

/** One line → its observation, or the Vietnamese reason it cannot be read. */
function parseLine(text: string, line: number): ObservationLine | string {
  const fail = (message: string): string => `Dòng ${line}: ${message}`;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return fail('không phải JSON hợp lệ.');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return fail('mỗi dòng phải là một đối tượng JSON {"unit", "year", "rate"}.');
  }
  const record = value as Record<string, unknown>;
  const { unit, year, rate, target } = record;
  if (typeof unit !== 'string' || unit.trim() === '') return fail('thiếu mã đơn vị "unit" (chuỗi ký tự).');
  if (typeof year !== 'number' || !Number.isInteger(year)) {
    return fail(
      `"year" phải là năm của kỳ rà soát (số nguyên), ví dụ 2017 (nhận được ${JSON.stringify(year)}).`,
    );
  }
  if (typeof rate !== 'number' || rate < 0 || rate > 100) {
    return fail(
      `"rate" phải là tỷ lệ hộ nghèo tính theo %, từ 0 đến 100, ví dụ 19.07 (nhận được ${JSON.stringify(rate)}).`,
    );
  }
  // An export with an empty "target" cell writes null: no own target.
  if (target !== undefined && target !== null && (typeof target !== 'number' || target < 0)) {
    return fail(
      `"target" phải là số điểm phần trăm cần giảm, không âm, ví dụ 4 (nhận được ${JSON.stringify(target)}).`,
    );
  }
  return { line, observation: { unit, year, rate, ...(typeof target === 'number' ? { target } : {}) } };
}

function reportErrors(io: CliIo, errors: readonly string[]): number {
  const shown = errors.slice(0, MAX_REPORTED_ERRORS);
  const rest = errors.length - shown.length;
  io.stderr.write(`${shown.join('\n')}\n${rest > 0 ? `… và ${rest} dòng lỗi khác.\n` : ''}`);
  return 1;
}
