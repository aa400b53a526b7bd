// `chung-tay transitions`: lines {"household","round","category"} in any order on stdin; for each
// line, in input order, {"household","round","category","transition","stableEscapeYears"} on stdout
// (issue 3 §8, "Transition definitions"). A household's transitions depend on all its rounds, so
// the input is read whole before anything is written.

import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { CliCommand, CliIo } from '../cli-types.ts';
import { PovertyRuleError } from '../../domain/poverty/poverty-errors.ts';
import type { PovertyCategory } from '../../domain/poverty/poverty-standard.ts';
import { parseCategory } from '../../domain/poverty/poverty-standard.ts';
import type { TransitionCode } from '../../domain/poverty/transitions.ts';
import { deriveTransitions } from '../../domain/poverty/transitions.ts';

const USAGE = `Cách dùng: chung-tay transitions < ket-qua-ra-soat.jsonl

Mỗi dòng vào: {"household": "mã hộ", "round": năm, "category": "poor"|"near_poor"|"middle"|"not_poor"}, theo thứ tự bất kỳ.
Mỗi dòng ra, theo thứ tự dòng vào: {"household", "round", "category", "transition", "stableEscapeYears"},
hoặc {"line", "household", "error"} nếu dòng vào lỗi.
Biến động: first_round, stayed_poor, relapsed, new_poor, escaped, stayed_near_poor, relapsed_near_poor,
new_near_poor, escaped_near_poor, none. stableEscapeYears: số năm từ lần thoát nghèo gần nhất (null nếu đang nghèo
hoặc chưa thoát nghèo); "thoát nghèo ổn định từ 03 năm trở lên" là ≥ 3.
Mã thoát: 0 khi mọi dòng hợp lệ, 1 khi có dòng lỗi, 2 khi tham số dòng lệnh sai.`;

export const command: CliCommand = {
  name: 'transitions',
  summary: 'Xác định biến động hộ nghèo giữa các kỳ rà soát (thoát nghèo, tái nghèo, phát sinh…)',
  usage: USAGE,
  run: runTransitions,
};

interface Entry {
  line: number;
  household: string;
  round: number;
  category: PovertyCategory;
}

interface BadLine {
  line: number;
  household: string | null;
  error: string;
}

export interface TransitionLine {
  household: string;
  round: number;
  category: PovertyCategory;
  transition: TransitionCode;
  stableEscapeYears: number | null;
}

async function runTransitions(argv: string[], io: CliIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (argv.length > 0) {
    io.stderr.write(`Tham số không hợp lệ: ${argv.join(' ')}\n\n${USAGE}\n`);
    return 2;
  }

  const parsed: (Entry | BadLine)[] = [];
  const byHousehold = new Map<string, Entry[]>();
  let lineNumber = 0;
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
  for await (const raw of lines) {
    lineNumber += 1;
    const text = (lineNumber === 1 ? raw.replace(/^\uFEFF/u, '') : raw).trim();
    if (text === '') continue;
    const entry = parseLine(text, lineNumber);
    if ('error' in entry) {
      parsed.push(entry);
      continue;
    }
    const rounds = byHousehold.get(entry.household) ?? [];
    const earlier = rounds.find((r) => r.round === entry.round);
    if (earlier) {
      parsed.push({
        line: entry.line,
        household: entry.household,
        error: `Dòng ${entry.line}: hộ "${entry.household}" đã có kết quả kỳ rà soát ${entry.round} ở dòng ${earlier.line}.`,
      });
      continue;
    }
    rounds.push(entry);
    byHousehold.set(entry.household, rounds);
    parsed.push(entry);
  }

  const transitions = new Map<Entry, TransitionLine>();
  for (const [household, rounds] of byHousehold) {
    const derived = deriveTransitions(rounds);
    for (const result of derived) {
      const entry = rounds.find((r) => r.round === result.round);
      if (entry) transitions.set(entry, { household, ...result });
    }
  }

  let failed = false;
  for (const item of parsed) {
    const output = 'error' in item ? item : transitions.get(item);
    if (output === undefined) continue;
    if ('error' in output) failed = true;
    if (!io.stdout.write(`${JSON.stringify(output)}\n`)) await once(io.stdout, 'drain');
  }
  return failed ? 1 : 0;
}

function parseLine(text: string, line: number): Entry | BadLine {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { line, household: null, error: `Dòng ${line}: không phải JSON hợp lệ.` };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return {
      line,
      household: null,
      error: `Dòng ${line}: mỗi dòng phải là một đối tượng JSON {"household", "round", "category"}.`,
    };
  }
  const record = value as Record<string, unknown>;
  const household =
    typeof record.household === 'string' && record.household.trim() !== '' ? record.household : null;
  if (household === null)
    return { line, household, error: `Dòng ${line}: thiếu mã hộ "household" (chuỗi ký tự).` };
  const round = record.round;
  if (typeof round !== 'number' || !Number.isInteger(round)) {
    return {
      line,
      household,
      error: `Dòng ${line}: "round" phải là năm của kỳ rà soát (số nguyên), ví dụ 2017.`,
    };
  }
  try {
    return { line, household, round, category: parseCategory(record.category) };
  } catch (error) {
    if (error instanceof PovertyRuleError)
      return { line, household, error: `Dòng ${line}: ${error.message}` };
    throw error;
  }
}
