import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../cli-types.ts';
import { command } from './transitions.ts';

async function run(
  argv: string[],
  input: string,
): Promise<{ status: number; stdout: string; stderr: string; lines: unknown[] }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk));
  stderr.on('data', (chunk: Buffer) => err.push(chunk));
  const io: CliIo = { stdin: Readable.from([input]), stdout, stderr, env: {}, cwd: '/' };
  const status = await command.run(argv, io);
  const text = Buffer.concat(out).toString('utf8');
  return {
    status,
    stdout: text,
    stderr: Buffer.concat(err).toString('utf8'),
    get lines() {
      return text
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as unknown);
    },
  };
}

const jsonl = (...records: unknown[]): string =>
  records.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n');

describe('chung-tay transitions', () => {
  it('reads rounds in any order and answers each line in input order', async () => {
    const result = await run(
      [],
      jsonl(
        { household: 'H1', round: 2018, category: 'not_poor' },
        { household: 'H2', round: 2016, category: 'not_poor' },
        { household: 'H1', round: 2016, category: 'poor' },
        { household: 'H2', round: 2017, category: 'near_poor' },
        { household: 'H1', round: 2017, category: 'near_poor' },
        { household: 'H1', round: 2021, category: 'middle' },
      ),
    );
    expect(result.status).toBe(0);
    expect(result.lines).toEqual([
      {
        household: 'H1',
        round: 2018,
        category: 'not_poor',
        transition: 'escaped_near_poor',
        stableEscapeYears: 1,
      },
      {
        household: 'H2',
        round: 2016,
        category: 'not_poor',
        transition: 'first_round',
        stableEscapeYears: null,
      },
      { household: 'H1', round: 2016, category: 'poor', transition: 'first_round', stableEscapeYears: null },
      {
        household: 'H2',
        round: 2017,
        category: 'near_poor',
        transition: 'new_near_poor',
        stableEscapeYears: null,
      },
      { household: 'H1', round: 2017, category: 'near_poor', transition: 'escaped', stableEscapeYears: 0 },
      { household: 'H1', round: 2021, category: 'middle', transition: 'none', stableEscapeYears: 4 },
    ]);
  });

  it('a relapse resets the stable-escape years', async () => {
    const rounds = ['poor', 'not_poor', 'not_poor', 'poor', 'not_poor'].map((category, i) => ({
      household: 'H',
      round: 2016 + i,
      category,
    }));
    const result = await run([], jsonl(...rounds));
    expect(result.lines).toEqual([
      { household: 'H', round: 2016, category: 'poor', transition: 'first_round', stableEscapeYears: null },
      { household: 'H', round: 2017, category: 'not_poor', transition: 'escaped', stableEscapeYears: 0 },
      { household: 'H', round: 2018, category: 'not_poor', transition: 'none', stableEscapeYears: 1 },
      { household: 'H', round: 2019, category: 'poor', transition: 'relapsed', stableEscapeYears: null },
      { household: 'H', round: 2020, category: 'not_poor', transition: 'escaped', stableEscapeYears: 0 },
    ]);
  });

  it.each([
    {
      situation: 'bad JSON',
      line: '{household: H1}',
      household: null,
      error: 'Dòng 3: không phải JSON hợp lệ.',
    },
    {
      situation: 'no household',
      line: { round: 2018, category: 'poor' },
      household: null,
      error: 'Dòng 3: thiếu mã hộ "household"',
    },
    {
      situation: 'round as text',
      line: { household: 'H1', round: '2018', category: 'poor' },
      household: 'H1',
      error: 'Dòng 3: "round" phải là năm của kỳ rà soát',
    },
    {
      situation: 'unknown category',
      line: { household: 'H1', round: 2018, category: 'ngheo' },
      household: 'H1',
      error: 'Dòng 3: Phân loại hộ phải là một trong: poor, near_poor, middle, not_poor.',
    },
    {
      situation: 'second result for the same round',
      line: { household: 'H1', round: 2016, category: 'middle' },
      household: 'H1',
      error: 'Dòng 3: hộ "H1" đã có kết quả kỳ rà soát 2016 ở dòng 1.',
    },
  ])(
    '$situation → {"line", "household", "error"} on its line, others processed, exit 1',
    async ({ line, household, error }) => {
      const result = await run(
        [],
        jsonl(
          { household: 'H1', round: 2016, category: 'poor' },
          { household: 'H1', round: 2017, category: 'not_poor' },
          line,
        ),
      );
      expect(result.status).toBe(1);
      expect(result.lines).toEqual([
        {
          household: 'H1',
          round: 2016,
          category: 'poor',
          transition: 'first_round',
          stableEscapeYears: null,
        },
        { household: 'H1', round: 2017, category: 'not_poor', transition: 'escaped', stableEscapeYears: 0 },
        { line: 3, household, error: expect.stringContaining(error) as unknown },
      ]);
    },
  );

  it('skips blank lines but counts them in line numbers', async () => {
    const result = await run(
      [],
      `${JSON.stringify({ household: 'A', round: 2016, category: 'poor' })}\n\n  \nnot json\n`,
    );
    expect(result.status).toBe(1);
    expect(result.lines).toEqual([
      { household: 'A', round: 2016, category: 'poor', transition: 'first_round', stableEscapeYears: null },
      { line: 4, household: null, error: 'Dòng 4: không phải JSON hợp lệ.' },
    ]);
  });

  it('unexpected arguments → usage on stderr, exit 2', async () => {
    const result = await run(['--standard', 'qd59-2015'], '');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Cách dùng: chung-tay transitions');
    expect(result.stdout).toBe('');
  });

  it('--help prints the usage and exits 0', async () => {
    const result = await run(['--help'], '');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('stableEscapeYears');
  });
});
