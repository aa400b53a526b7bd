import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../support/test-app.ts';

// Random and oversized bodies, queries and path parameters against every API route, as the most powerful user:
// no answer may be a 5xx, every refusal carries a Vietnamese message, and a refused request writes nothing.

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const nasty = ['', ' ', '=1+1', "'; drop table households; --", 'Lộc Bình', 'Lộc Bình'.normalize('NFD'), '\u0000', '💥', 'a'.repeat(5000), '-1', '1e309', 'null', '2026-02-30', '06001', '../../etc/passwd'];

function randomValue(rng: () => number, depth = 0): unknown {
  const r = rng();
  if (depth > 3 || r < 0.15) return nasty[Math.floor(rng() * nasty.length)];
  if (r < 0.3) return Math.floor(rng() * 2 ** 40) * (rng() < 0.5 ? -1 : 1);
  if (r < 0.4) return rng() < 0.5;
  if (r < 0.5) return null;
  if (r < 0.7) return Array.from({ length: Math.floor(rng() * 5) }, () => randomValue(rng, depth + 1));
  const keys = ['name', 'code', 'year', 'unitCode', 'communeCode', 'villageCode', 'type', 'kind', 'members', 'assignments', 'password', 'incomePerCapita', 'validFrom', 'effectiveDate', 'reason', 'outcome', 'from', 'to', 'complaints', 'version'];
  return Object.fromEntries(Array.from({ length: Math.floor(rng() * 6) }, () => [keys[Math.floor(rng() * keys.length)]!, randomValue(rng, depth + 1)]));
}

let ctx: TestContext;
let admin: TestClient;
beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.userWith('admin', { unitCode: '20' });
});
afterAll(async () => ctx.close());

describe('fuzzing the JSON API', () => {
  it('answers 1,200 random requests without a 5xx, each refusal explained', async () => {
    const rng = mulberry32(20171226);
    const routes = ctx.built.routes.filter((r) => r.url.startsWith('/api/') && r.url !== '/api/auth/logout' && r.url !== '/api/imports/template');
    const ids = ['00000000-0000-0000-0000-000000000000', 'not-a-uuid', '06001', '20', "'", 'x'.repeat(300)];
    let sent = 0;
    const failures: string[] = [];
    while (sent < 1200) {
      const route = routes[Math.floor(rng() * routes.length)]!;
      const url = route.url.replace(/:(\w+)/gu, () => encodeURIComponent(ids[Math.floor(rng() * ids.length)]!));
      const query = rng() < 0.5 ? `?${new URLSearchParams({ asOf: String(randomValue(rng)), q: String(randomValue(rng)), limit: String(randomValue(rng)) })}` : '';
      const oversized = rng() < 0.03;
      const res = await admin.request({
        method: route.method as 'GET',
        url: url + query,
        ...(route.method === 'GET' || route.method === 'DELETE'
          ? {}
          : { payload: oversized ? JSON.stringify({ name: 'x'.repeat(3 * 1024 * 1024) }) : JSON.stringify(randomValue(rng)), headers: { 'content-type': 'application/json' } }),
      });
      sent += 1;
      if (res.statusCode >= 500) failures.push(`${route.method} ${url}${query} → ${res.statusCode} ${res.body.slice(0, 200)}`);
      else if (res.statusCode >= 400) {
        const body = res.json() as { error?: { message?: string } };
        if (!body.error?.message) failures.push(`${route.method} ${url} → ${res.statusCode} without a message`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('refuses malformed JSON and wrong content types with a message', async () => {
    const bad = await admin.request({ method: 'POST', url: '/api/emulation-groups', payload: '{"year": 20', headers: { 'content-type': 'application/json' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/không hợp lệ/u);
    const tooBig = await admin.request({ method: 'POST', url: '/api/emulation-groups', payload: JSON.stringify({ name: 'x'.repeat(3 * 1024 * 1024) }), headers: { 'content-type': 'application/json' } });
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.message).toMatch(/dung lượng/u);
  });
});
