import { PassThrough, Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { command } from './mpi.ts';

async function runMpi(
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

const INDICATORS = ['a', 'b', 'c', 'd'];
const line = (id: string, deprivations: string[], extra: Record<string, unknown> = {}): string =>
  JSON.stringify({ id, deprivations, indicators: INDICATORS, ...extra });

// h1 [a b c] poor 3/4, h2 [a b] poor 2/4, h3 [a] and h4 [] not poor (k = 2):
// H = 0.5, A = 0.625, M0 = 0.3125; CH a = b = 0.5, c = 0.25, d = 0; contributions 40, 40, 20, 0.
const FOUR_HOUSEHOLDS = [
  line('h1', ['a', 'b', 'c']),
  line('h2', ['a', 'b']),
  line('h3', ['a']),
  line('h4', []),
].join('\n');

describe('chung-tay mpi — good input', () => {
  it('writes one JSON object with H, A, M0, censored headcounts and contributions', async () => {
    const { code, stdout, stderr } = await runMpi(['--k', '2'], FOUR_HOUSEHOLDS);
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout.endsWith('\n')).toBe(true);
    expect(stdout.trimEnd().split('\n')).toHaveLength(1);
    const result = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(result)).toEqual(['H', 'A', 'M0', 'censoredHeadcount', 'contribution']);
    expect(result).toMatchObject({
      H: 0.5,
      A: 0.625,
      M0: 0.3125,
      censoredHeadcount: { a: 0.5, b: 0.5, c: 0.25, d: 0 },
    });
    const contribution = result.contribution as Record<string, number>;
    expect(contribution.a).toBeCloseTo(40, 12);
    expect(contribution.c).toBeCloseTo(20, 12);
    expect(contribution.d).toBe(0);
  });

  it('applies --weights, other indicators weighing 1', async () => {
    // weights a = 2, b = c = d = 1 → Σw = 5, k = 2: h1 [a b c] 4 → 4/5; h2 [a b] 3 → 3/5; h3 [a] 2 → 2/5 (now poor); h4 0
    // H = 3/4; A = (0.8 + 0.6 + 0.4) / 3 = 0.6; M0 = 0.45
    const { code, stdout } = await runMpi(['--k', '2', '--weights', '{"a": 2}'], FOUR_HOUSEHOLDS);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as {
      H: number;
      A: number;
      M0: number;
      censoredHeadcount: Record<string, number>;
    };
    expect(result.H).toBe(0.75);
    expect(result.A).toBeCloseTo(0.6, 12);
    expect(result.M0).toBeCloseTo(0.45, 12);
    expect(result.censoredHeadcount.a).toBe(0.75);
  });

  it('weights households by "weight" and accepts the indicators in any order', async () => {
    // u1 weight 3 [a b] poor 1/2; u2 weight 1 [] → H = 3/4, A = 0.5, M0 = 0.375
    const input = [
      line('u1', ['a', 'b'], { weight: 3 }),
      JSON.stringify({ id: 'u2', deprivations: [], indicators: ['d', 'c', 'b', 'a'], weight: null }),
    ].join('\n');
    const { code, stdout } = await runMpi(['--k=2'], input);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ H: 0.75, A: 0.5, M0: 0.375 });
  });

  it('gives 0 everywhere when nobody reaches k', async () => {
    const { code, stdout } = await runMpi(['--k', '4'], FOUR_HOUSEHOLDS);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      H: 0,
      A: 0,
      M0: 0,
      censoredHeadcount: { a: 0, b: 0, c: 0, d: 0 },
      contribution: { a: 0, b: 0, c: 0, d: 0 },
    });
  });
});

describe('chung-tay mpi — bad input: line number on stderr, exit 1, nothing on stdout', () => {
  const good = line('h1', ['a']);
  const cases = [
    { situation: 'not JSON', input: `${good}\n{id: h2}`, message: 'Dòng 2: không phải JSON hợp lệ.' },
    {
      situation: 'no id',
      input: `${good}\n${JSON.stringify({ deprivations: [], indicators: INDICATORS })}`,
      message: 'Dòng 2: thiếu mã hộ "id"',
    },
    {
      situation: 'a sample weight of 0',
      input: `${good}\n${line('h2', [], { weight: 0 })}`,
      message: 'Dòng 2: "weight" (trọng số mẫu) phải là số dương',
    },
    {
      situation: 'deprivations not a list',
      input: `${good}\n${JSON.stringify({ id: 'h2', deprivations: 'a', indicators: INDICATORS })}`,
      message: 'Dòng 2: "deprivations" phải là danh sách',
    },
    {
      situation: 'indicators differing from line 1',
      input: `${good}\n${line('h2', [])}\n${JSON.stringify({ id: 'h3', deprivations: [], indicators: ['a', 'b', 'c'] })}`,
      message: 'Dòng 3: "indicators" khác với dòng 1; mọi dòng phải có cùng danh sách chỉ số.',
    },
    {
      situation: 'an indicator listed twice',
      input: JSON.stringify({ id: 'h1', deprivations: [], indicators: ['a', 'a'] }),
      message: 'Dòng 1: "indicators" có mã chỉ số lặp lại.',
    },
    {
      situation: 'a deprivation not among the indicators',
      input: `${good}\n\n${line('h2', ['z'])}`,
      message: 'Dòng 3: Hộ "h2": chỉ số thiếu hụt "z" không có trong danh sách chỉ số.',
    },
    {
      situation: 'the same household twice',
      input: `${good}\n${line('h1', [])}`,
      message: 'Dòng 2: Hộ "h1" xuất hiện hai lần.',
    },
    { situation: 'no household at all', input: '\n\n', message: 'Không có dòng dữ liệu nào' },
    {
      situation: 'a weight for an indicator not in the list',
      input: good,
      argv: ['--k', '2', '--weights', '{"z": 2}'],
      message: 'Trọng số cho chỉ số "z", nhưng chỉ số này không có trong danh sách chỉ số.',
    },
  ];
  it.each(cases)('$situation', async ({ input, message, argv }) => {
    const { code, stdout, stderr } = await runMpi(argv ?? ['--k', '2'], input);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
  });
});

describe('chung-tay mpi — arguments: exit 2 with the usage', () => {
  const cases = [
    { situation: 'no --k', argv: [], message: 'Thiếu ngưỡng --k' },
    {
      situation: '--k not a number',
      argv: ['--k', 'ba'],
      message: 'Ngưỡng --k phải là một số dương (nhận được "ba").',
    },
    { situation: '--k = 0', argv: ['--k', '0'], message: 'Ngưỡng --k phải là một số dương' },
    { situation: '--k negative', argv: ['--k=-1'], message: 'Ngưỡng --k phải là một số dương' },
    { situation: '--k empty', argv: ['--k='], message: 'Ngưỡng --k phải là một số dương' },
    {
      situation: '--weights not JSON',
      argv: ['--k', '3', '--weights', '{water: 2}'],
      message: '--weights không phải JSON hợp lệ',
    },
    {
      situation: '--weights a list',
      argv: ['--k', '3', '--weights', '[2]'],
      message: '--weights phải là một đối tượng JSON',
    },
    {
      situation: '--weights with a zero weight',
      argv: ['--k', '3', '--weights', '{"a": 0}'],
      message: 'trọng số của chỉ số "a" phải là số dương',
    },
    { situation: 'an unknown option', argv: ['--k', '3', '--cutoff', '3'], message: 'Tham số không hợp lệ' },
  ];
  it.each(cases)('$situation', async ({ argv, message }) => {
    const { code, stdout, stderr } = await runMpi(argv, FOUR_HOUSEHOLDS);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
    expect(stderr).toContain('Cách dùng: chung-tay mpi --k <số>');
  });

  it('prints the usage for --help, exit 0', async () => {
    const { code, stdout } = await runMpi(['--help'], '');
    expect(code).toBe(0);
    expect(stdout).toContain('Cách dùng: chung-tay mpi');
  });
});
