import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../support/test-app.ts';
import type { TreeResponse, UnitDetailResponse } from '../../src/shared/schemas/units.schema.ts';

let ctx: TestContext;
let province: TestClient;
let commune: TestClient;

beforeAll(async () => {
  ctx = await createTestContext();
  province = await ctx.userWith('emulation_board', { unitCode: '20' });
  commune = await ctx.userWith('commune_officer', { unitCode: '06529' });
});
afterAll(async () => ctx.close());

describe('the unit tree on a date', () => {
  it('as of 31/12/2017 has 11 district-level units and 226 communes', async () => {
    const res = await province.get('/api/units/tree?asOf=2017-12-31');
    expect(res.statusCode).toBe(200);
    const body = res.json() as TreeResponse;
    expect(body.counts.district).toBe(11);
    expect(body.counts.commune).toBe(226);
    const lb = body.nodes.find((n) => n.code === '188');
    expect(lb?.name).toBe('Huyện Lộc Bình');
  });

  it('as of 01/03/2025 has 194 communes, and 200 in mid-2020', async () => {
    expect(((await province.get('/api/units/tree?asOf=2025-03-01')).json() as TreeResponse).counts.commune).toBe(194);
    expect(((await province.get('/api/units/tree?asOf=2020-06-01')).json() as TreeResponse).counts.commune).toBe(200);
  });

  it('as of 01/07/2025 has 65 communes directly under the province, each with the old communes merged into it', async () => {
    const body = (await province.get('/api/units/tree?asOf=2025-07-01')).json() as TreeResponse;
    expect(body.counts.district).toBe(0);
    expect(body.counts.commune).toBe(65);
    const communes = body.nodes.filter((n) => n.level === 'commune');
    expect(communes.every((c) => c.parentCode === '20')).toBe(true);
    const locBinh = communes.find((c) => c.code === '06529');
    expect(locBinh?.name).toBe('Xã Lộc Bình');
    expect(locBinh?.predecessors.map((p) => p.name).sort()).toEqual(
      ['Thị trấn Lộc Bình', 'Xã Khánh Xuân', 'Xã Hữu Khánh', 'Xã Đồng Bục'].sort(),
    );
  });

  it('finds "Lộc Bình" when a commune officer searches "loc binh" without accents', async () => {
    const body = (await commune.get('/api/units/tree?asOf=2026-11-29&q=loc%20binh')).json() as TreeResponse;
    const hits = body.nodes.filter((n) => n.matches);
    expect(hits.map((h) => h.name)).toContain('Xã Lộc Bình');
  });

  it("shows a commune officer only their commune's subtree, with the province above as context", async () => {
    const body = (await commune.get('/api/units/tree?asOf=2026-11-29')).json() as TreeResponse;
    const inScope = body.nodes.filter((n) => n.inScope).map((n) => n.code);
    expect(inScope).toContain('06529');
    expect(inScope).not.toContain('06001');
    expect(body.nodes.find((n) => n.code === '20')?.inScope).toBe(false);
    expect(body.counts.commune).toBe(1);
  });
});

describe('a unit page', () => {
  it('shows a 2025 commune with its history and predecessors', async () => {
    const res = await province.get('/api/units/06529?asOf=2025-07-01');
    const body = res.json() as UnitDetailResponse;
    expect(body.unit.name).toBe('Xã Lộc Bình');
    expect(body.versions.map((v) => v.name)).toEqual(['Thị trấn Lộc Bình', 'Xã Lộc Bình']);
    expect(body.predecessors).toHaveLength(4);
  });

  it('shows an old commune merged in 2020 with its successor today', async () => {
    const body = (await province.get('/api/units/06571?asOf=2019-01-01')).json() as UnitDetailResponse;
    expect(body.unit.name).toBe('Xã Lục Thôn');
    expect(body.successors.map((s) => s.code)).toContain('06529');
  });

  it('lets a 2025 commune officer read the history of a commune merged into theirs', async () => {
    const res = await commune.get('/api/units/06571?asOf=2019-01-01');
    expect(res.statusCode).toBe(200);
  });

  it("refuses another district's unit with a Vietnamese message", async () => {
    const res = await commune.get('/api/units/06001');
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: { code: 'auth.out_of_scope', message: expect.stringMatching(/phạm vi/u) } });
  });

  it('answers 404 in Vietnamese for an unknown code', async () => {
    const res = await province.get('/api/units/09999');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toMatch(/Không tìm thấy/u);
  });
});

describe('writing units', () => {
  it('a commune officer adds a village to their commune, and it is audited', async () => {
    const res = await commune.post('/api/units/villages', { communeCode: '06529', name: 'Thôn Nà Mới', kind: 'Thôn', validFrom: '2026-01-01' });
    expect(res.statusCode).toBe(200);
    const village = res.json() as { code: string };
    expect(village.code.startsWith('06529-')).toBe(true);
    const tree = (await commune.get('/api/units/tree?asOf=2026-11-29&q=na%20moi')).json() as TreeResponse;
    expect(tree.nodes.some((n) => n.matches && n.name === 'Thôn Nà Mới')).toBe(true);
    const rows = await ctx.testDb.database.query<{ action: string; entity_id: string }>(
      "select action, entity_id from audit_log where action = 'unit.village_created'",
    );
    expect(rows.map((r) => r.entity_id)).toContain(village.code);
  });

  it('refuses a village in a commune outside the scope and writes nothing', async () => {
    const before = await ctx.testDb.database.query<{ n: number }>('select count(*)::int as n from admin_units');
    const res = await commune.post('/api/units/villages', { communeCode: '06001', name: 'Thôn Lạ', kind: 'Thôn', validFrom: '2026-01-01' });
    expect(res.statusCode).toBe(403);
    const after = await ctx.testDb.database.query<{ n: number }>('select count(*)::int as n from admin_units');
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('refuses bad input with a Vietnamese message', async () => {
    const res = await commune.post('/api/units/villages', { communeCode: '06529', name: '   ', kind: 'Thôn', validFrom: '2026-13-45' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('request.invalid');
    expect(res.json().error.message).toMatch(/không hợp lệ/u);
  });
});
