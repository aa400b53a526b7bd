import { PassThrough, Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { command } from './targets.ts';

async function runTargets(
  argv: string[],
  input: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out = text(stdout);
  const err = text(stderr);
  const code = await command.run(argv, {
    stdin: Readable.from([input]),
    stdout,
    stderr,
    env: {},
    cwd: process.cwd(),
  });
  stdout.end();
  stderr.end();
  return { code, stdout: await out, stderr: await err };
}

const jsonl = (...rows: unknown[]): string =>
  rows.map((row) => (typeof row === 'string' ? row : JSON.stringify(row))).join('\n');

describe('chung-tay targets — good input', () => {
  it('writes one line per unit and year that has the previous year, ordered by unit then year', async () => {
    const { code, stdout, stderr } = await runTargets(
      [],
      jsonl(
        { unit: '179', year: 2017, rate: 39.5 },
        { unit: '178', year: 2018, rate: 33.1 },
        { unit: '178', year: 2016, rate: 41.2 },
        { unit: '179', year: 2016, rate: 39.995 },
        { unit: '178', year: 2017, rate: 36.85 },
        { unit: '180', year: 2016, rate: 10 },
      ),
    );
    expect([code, stderr]).toEqual([0, '']);
    expect(
      stdout
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line) as unknown),
    ).toEqual([
      // 41,20 ≥ 40 → 4 points; 41,20 − 36,85 = 4,35 → attained
      { unit: '178', year: 2017, baseline: 41.2, rate: 36.85, required: 4, reduction: 4.35, attained: true },
      // 36,85 < 40 → 3 points; 36,85 − 33,10 = 3,75 → attained
      { unit: '178', year: 2018, baseline: 36.85, rate: 33.1, required: 3, reduction: 3.75, attained: true },
      // 39,995 rounds to 40,00 ≥ 40 → 4 points; 40,00 − 39,50 = 0,50 → not attained
      { unit: '179', year: 2017, baseline: 40, rate: 39.5, required: 4, reduction: 0.5, attained: false },
    ]);
  });

  it('uses a unit’s own target for that year, and rounds before subtracting', async () => {
    const { code, stdout } = await runTargets(
      [],
      jsonl(
        { unit: '06052', year: 2016, rate: 32.01 },
        { unit: '06052', year: 2017, rate: 29.01 },
        { unit: '06052', year: 2018, rate: 25.5, target: 3.6 },
      ),
    );
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        '{"unit":"06052","year":2017,"baseline":32.01,"rate":29.01,"required":3,"reduction":3,"attained":true}',
        '{"unit":"06052","year":2018,"baseline":29.01,"rate":25.5,"required":3.6,"reduction":3.51,"attained":false}',
        '',
      ].join('\n'),
    );
  });

  it('accepts blank lines, a byte-order mark, Windows line ends and "target": null', async () => {
    const { code, stdout } = await runTargets(
      [],
      '\uFEFF{"unit":"a","year":2016,"rate":20}\r\n\r\n{"unit":"a","year":2017,"rate":17,"target":null}\r\n',
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ unit: 'a', year: 2017, required: 3, attained: true });
  });

  it('writes nothing for empty input', async () => {
    expect(await runTargets([], '')).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});

describe('chung-tay targets — bad lines', () => {
  const cases = [
    { situation: 'not JSON', line: '{unit: a}', message: 'Dòng 2: không phải JSON hợp lệ.' },
    { situation: 'an array', line: '[1, 2]', message: 'Dòng 2: mỗi dòng phải là một đối tượng JSON' },
    { situation: 'no unit', line: '{"year": 2017, "rate": 19}', message: 'Dòng 2: thiếu mã đơn vị "unit"' },
    {
      situation: 'a year in text',
      line: '{"unit": "a", "year": "2017", "rate": 19}',
      message: 'Dòng 2: "year" phải là năm',
    },
    {
      situation: 'a rate above 100',
      line: '{"unit": "a", "year": 2017, "rate": 190.7}',
      message: 'Dòng 2: "rate" phải là tỷ lệ hộ nghèo',
    },
    {
      situation: 'a rate written as text',
      line: '{"unit": "a", "year": 2017, "rate": "19,07"}',
      message: 'Dòng 2: "rate" phải là tỷ lệ hộ nghèo',
    },
    {
      situation: 'a negative target',
      line: '{"unit": "a", "year": 2017, "rate": 19, "target": -3}',
      message: 'Dòng 2: "target" phải là số điểm',
    },
    {
      situation: 'the same unit and year twice',
      line: '{"unit": "a", "year": 2016, "rate": 21}',
      message: 'Dòng 2: Đơn vị "a" có hai tỷ lệ cho năm 2016.',
    },
  ];
  it.each(cases)(
    '$situation → line number on stderr, exit 1, nothing on stdout',
    async ({ line, message }) => {
      const { code, stdout, stderr } = await runTargets(
        [],
        `{"unit": "a", "year": 2016, "rate": 22}\n${line}\n`,
      );
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toContain(message);
    },
  );

  it('reports every bad line, not only the first', async () => {
    const { code, stderr } = await runTargets([], 'x\n{"unit":"a","year":2016,"rate":20}\ny\n');
    expect(code).toBe(1);
    expect(stderr).toBe('Dòng 1: không phải JSON hợp lệ.\nDòng 3: không phải JSON hợp lệ.\n');
  });

  it('summarises beyond twenty bad lines', async () => {
    const { stderr } = await runTargets([], Array.from({ length: 25 }, () => 'x').join('\n'));
    expect(stderr.trimEnd().split('\n')).toHaveLength(21);
    expect(stderr).toContain('… và 5 dòng lỗi khác.');
  });
});

describe('chung-tay targets — arguments', () => {
  it('refuses an unknown option with the usage, exit 2', async () => {
    const { code, stderr } = await runTargets(['--rules', 'x'], '');
    expect(code).toBe(2);
    expect(stderr).toContain('Cách dùng: chung-tay targets');
  });

  it('prints the usage with the rule set for --help', async () => {
    const { code, stdout } = await runTargets(['--help'], '');
    expect(code).toBe(0);
    expect(stdout).toContain('tỷ lệ năm trước ≥ 40% → giảm ít nhất 4,00 điểm');
    expect(stdout).toContain('plan165-2017@1');
  });
});
