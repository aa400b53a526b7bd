import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../cli-types.ts';
import { command } from './classify.ts';

interface Run {
  status: number;
  lines: Record<string, unknown>[];
  stdout: string;
  stderr: string;
}

function collect(stream: PassThrough): () => string {
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  return () => Buffer.concat(chunks).toString('utf8');
}

async function run(argv: string[], input: string): Promise<Run> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out = collect(stdout);
  const err = collect(stderr);
  const io: CliIo = { stdin: Readable.from([input]), stdout, stderr, env: {}, cwd: '/' };
  const status = await command.run(argv, io);
  const text = out();
  return {
    status,
    stdout: text,
    stderr: err(),
    // Parsed on use: usage text on stdout (--help) is not JSON.
    get lines() {
      return text
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
    },
  };
}

const jsonl = (...records: unknown[]): string =>
  records.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n');

describe('chung-tay classify --standard <id>: good lines', () => {
  it('writes one JSON line per input line, exactly the contract fields, and exits 0', async () => {
    const result = await run(
      ['--standard', 'qd59-2015'],
      jsonl(
        {
          id: 'LS-001',
          area: 'rural',
          incomePerCapita: 850000,
          deprivations: ['health_insurance', 'latrine', 'telecom'],
        },
        { id: 'LS-002', area: 'urban', incomePerCapita: 1000000, deprivations: [] },
        { id: 'LS-003', area: 'rural', b1Score: 118, deprivations: [] },
      ),
    );
    expect(result.status).toBe(0);
    expect(result.lines).toEqual([
      {
        id: 'LS-001',
        standard: 'qd59-2015',
        category: 'poor',
        deprivationCount: 3,
        reason:
          'thu nhập 850.000 đ ≤ 1.000.000 đ và thiếu hụt 3 chỉ số (BHYT, nhà tiêu, viễn thông) → hộ nghèo',
      },
      {
        id: 'LS-002',
        standard: 'qd59-2015',
        category: 'near_poor',
        deprivationCount: 0,
        reason: 'thu nhập 1.000.000 đ ≤ 1.300.000 đ và không thiếu hụt chỉ số nào → hộ cận nghèo',
      },
      {
        id: 'LS-003',
        standard: 'qd59-2015',
        category: 'poor',
        deprivationCount: 0,
        reason: 'điểm B1 118 ≤ 120 → hộ nghèo',
      },
    ]);
    expect(result.stderr).toBe('');
  });

  it.each([
    {
      standard: 'nd07-2021',
      income: 1_500_000,
      deprivations: ['employment', 'nutrition', 'water'],
      category: 'poor',
    },
    {
      standard: 'nd07-2021',
      income: 1_500_000,
      deprivations: ['employment', 'nutrition'],
      category: 'near_poor',
    },
    { standard: 'nd07-2021', income: 2_250_000, deprivations: [], category: 'middle' },
    {
      standard: 'nd351-2025',
      income: 2_200_000,
      deprivations: ['employment', 'nutrition', 'water'],
      category: 'poor',
    },
    { standard: 'nd351-2025', income: 3_300_001, deprivations: [], category: 'not_poor' },
  ])(
    '--standard $standard, rural $income đ, $deprivations → $category',
    async ({ standard, income, deprivations, category }) => {
      const result = await run(
        [`--standard=${standard}`],
        jsonl({ id: 'h', area: 'rural', incomePerCapita: income, deprivations }),
      );
      expect(result.status).toBe(0);
      expect(result.lines[0]).toMatchObject({
        id: 'h',
        standard,
        category,
        deprivationCount: deprivations.length,
      });
    },
  );

  it('skips blank lines and reads Windows line endings and a byte-order mark', async () => {
    const input = `\uFEFF${JSON.stringify({ id: 'a', area: 'rural', incomePerCapita: 600000, deprivations: [] })}\r\n\r\n   \r\n${JSON.stringify({ id: 'b', area: 'urban', incomePerCapita: 5000000, deprivations: [] })}\r\n`;
    const result = await run(['--standard', 'qd59-2015'], input);
    expect(result.status).toBe(0);
    expect(result.lines.map((l) => [l.id, l.category])).toEqual([
      ['a', 'poor'],
      ['b', 'not_poor'],
    ]);
  });

  it('streams: answers a line before the input has ended', async () => {
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    const io: CliIo = { stdin, stdout, stderr: new PassThrough(), env: {}, cwd: '/' };
    const running = command.run(['--standard', 'qd59-2015'], io);
    const firstOutput = new Promise<string>((resolve) =>
      stdout.once('data', (chunk: Buffer) => resolve(chunk.toString('utf8'))),
    );
    stdin.write(
      `${JSON.stringify({ id: 'first', area: 'rural', incomePerCapita: 650000, deprivations: [] })}\n`,
    );
    expect(JSON.parse(await firstOutput)).toMatchObject({ id: 'first', category: 'poor' });
    stdin.end(
      `${JSON.stringify({ id: 'second', area: 'rural', incomePerCapita: 2000000, deprivations: [] })}\n`,
    );
    expect(await running).toBe(0);
  });
});

describe('chung-tay classify: bad lines', () => {
  it.each([
    {
      situation: 'bad JSON',
      line: '{"id": "x", area: rural}',
      id: null,
      error: 'Dòng 2: không phải JSON hợp lệ.',
    },
    {
      situation: 'not an object',
      line: '[1, 2]',
      id: null,
      error: 'Dòng 2: mỗi dòng phải là một đối tượng JSON',
    },
    {
      situation: 'no id',
      line: { area: 'rural', incomePerCapita: 1, deprivations: [] },
      id: null,
      error: 'Dòng 2: thiếu mã hộ "id"',
    },
    {
      situation: 'unknown indicator code',
      line: { id: 'h2', area: 'rural', incomePerCapita: 800000, deprivations: ['employment'] },
      id: 'h2',
      error: 'Dòng 2: Mã chỉ số thiếu hụt không có trong chuẩn qd59-2015: "employment".',
    },
    {
      situation: 'neither income nor score',
      line: { id: 'h3', area: 'rural', deprivations: [] },
      id: 'h3',
      error: 'Dòng 2: Cần thu nhập bình quân đầu người hoặc điểm B1 (Phiếu B) để phân loại hộ.',
    },
    {
      situation: 'bad area',
      line: { id: 'h4', area: 'nong thon', incomePerCapita: 800000, deprivations: [] },
      id: 'h4',
      error: 'Dòng 2: Khu vực phải là "rural" (nông thôn) hoặc "urban" (thành thị).',
    },
    {
      situation: 'income typed as text',
      line: { id: 'h5', area: 'rural', incomePerCapita: '850.000', deprivations: [] },
      id: 'h5',
      error: 'Dòng 2: "incomePerCapita" phải là một số',
    },
    {
      situation: 'no deprivations list',
      line: { id: 'h6', area: 'rural', incomePerCapita: 800000 },
      id: 'h6',
      error: 'Dòng 2: "deprivations" phải là danh sách mã chỉ số thiếu hụt',
    },
    {
      situation: 'negative income',
      line: { id: 'h7', area: 'rural', incomePerCapita: -5, deprivations: [] },
      id: 'h7',
      error: 'Dòng 2: Thu nhập bình quân đầu người phải là một số không âm',
    },
  ])(
    '$situation → {"id": $id, "error"} on its line, the other lines still processed, exit 1',
    async ({ line, id, error }) => {
      const result = await run(
        ['--standard', 'qd59-2015'],
        jsonl({ id: 'ok-1', area: 'rural', incomePerCapita: 650000, deprivations: [] }, line, {
          id: 'ok-2',
          area: 'urban',
          incomePerCapita: 1200000,
          deprivations: ['water'],
        }),
      );
      expect(result.status).toBe(1);
      expect(result.lines).toHaveLength(3);
      expect(result.lines[0]).toMatchObject({ id: 'ok-1', category: 'poor' });
      expect(Object.keys(result.lines[1] ?? {})).toEqual(['id', 'error']);
      expect(result.lines[1]?.id).toBe(id);
      expect(String(result.lines[1]?.error)).toContain(error);
      expect(result.lines[2]).toMatchObject({ id: 'ok-2', category: 'near_poor' });
    },
  );

  it('a B1 score under NĐ 07/2021 is a bad line', async () => {
    const result = await run(
      ['--standard', 'nd07-2021'],
      jsonl({ id: 'h', area: 'rural', b1Score: 100, deprivations: [] }),
    );
    expect(result.status).toBe(1);
    expect(result.lines).toEqual([
      {
        id: 'h',
        error: 'Dòng 1: Chuẩn nd07-2021 không phân loại theo điểm B1; cần thu nhập bình quân đầu người.',
      },
    ]);
  });
});

describe('chung-tay classify: command line', () => {
  it('an unknown --standard is reported on stderr with exit status 2, nothing on stdout', async () => {
    const result = await run(
      ['--standard', 'qd-2030'],
      jsonl({ id: 'h', area: 'rural', incomePerCapita: 1, deprivations: [] }),
    );
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Không có chuẩn nghèo "qd-2030"');
  });

  it.each([{ argv: [] }, { argv: ['--standard'] }, { argv: ['--standard', 'qd59-2015', '--verbose'] }])(
    'arguments $argv → usage on stderr, exit 2',
    async ({ argv }) => {
      const result = await run(argv, '');
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('Cách dùng: chung-tay classify --standard');
      expect(result.stdout).toBe('');
    },
  );

  it('--help prints the usage and exits 0', async () => {
    const result = await run(['--help'], '');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('qd59-2015 (Quyết định 59/2015/QĐ-TTg)');
  });

  it('empty input gives empty output and exit 0', async () => {
    const result = await run(['--standard', 'nd07-2021'], '');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
  });
});
