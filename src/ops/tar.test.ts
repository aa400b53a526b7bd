import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readTar, tarEnd, tarHeader, tarPadding, TarFormatError } from './tar.ts';

function archive(entries: Array<{ name: string; data: Buffer }>, end = true): Buffer {
  return Buffer.concat([
    ...entries.flatMap((e) => [tarHeader({ name: e.name, size: e.data.length, mtimeMs: 1_700_000_000_000 }), e.data, tarPadding(e.data.length)]),
    ...(end ? [tarEnd()] : []),
  ]);
}

async function read(buf: Buffer, chunk = 7): Promise<Array<{ name: string; data: string; mtimeMs: number }>> {
  const chunks: Buffer[] = [];
  for (let i = 0; i < buf.length; i += chunk) chunks.push(buf.subarray(i, i + chunk));
  const out: Array<{ name: string; data: string; mtimeMs: number }> = [];
  for await (const entry of readTar(Readable.from(chunks))) {
    const parts: Buffer[] = [];
    for await (const c of entry.body()) parts.push(c);
    out.push({ name: entry.name, data: Buffer.concat(parts).toString('utf8'), mtimeMs: entry.mtimeMs });
  }
  return out;
}

describe('tar writer and reader', () => {
  it.each([
    ['a short ASCII name', 'db/households/0001.jsonl'],
    ['exactly 100 characters', 'a'.repeat(100)],
    ['101 characters (pax header)', 'b'.repeat(101)],
    ['a Vietnamese name (pax header)', 'files/2026/Biên bản họp thôn Nà Sla.pdf'],
    ['a decomposed (NFD) Vietnamese name', 'files/Giấy xác nhận'.normalize('NFD')],
  ])('round-trips %s', async (_label, name) => {
    const entries = [{ name, data: Buffer.from('nội dung\n') }, { name: 'empty', data: Buffer.alloc(0) }, { name: 'block', data: Buffer.alloc(512, 1) }];
    const got = await read(archive(entries));
    expect(got.map((e) => e.name)).toEqual([name, 'empty', 'block']);
    expect(got[0]!.data).toBe('nội dung\n');
    expect(got[2]!.data.length).toBe(512);
    expect(got[0]!.mtimeMs).toBe(1_700_000_000_000);
  });

  it.each([
    ['without its end blocks', (b: Buffer) => b.subarray(0, b.length - 1024), /không có phần kết thúc/u],
    ['cut inside a file', (b: Buffer) => b.subarray(0, 700), /cắt cụt/u],
    ['cut inside a header', (b: Buffer) => b.subarray(0, 300), /cắt cụt/u],
    ['with a damaged header', (b: Buffer) => {
      const c = Buffer.from(b);
      c[10] = 0x41;
      return c;
    }, /sai tổng kiểm tra/u],
  ])('refuses an archive %s', async (_label, damage, message) => {
    const whole = archive([{ name: 'x', data: Buffer.alloc(600, 2) }, { name: 'y', data: Buffer.from('y') }]);
    await expect(read(damage(whole))).rejects.toThrow(TarFormatError);
    await expect(read(damage(whole))).rejects.toThrow(message);
  });
});
