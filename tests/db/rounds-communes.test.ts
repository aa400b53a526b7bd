import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareVi } from '../../src/shared/vi-text.ts';
import type { RoundCommuneStateDto } from '../../src/shared/schemas/rounds.schema.ts';
import type { TreeResponse } from '../../src/shared/schemas/units.schema.ts';
import { createTestContext, type TestClient, type TestContext } from '../support/test-app.ts';

// The communes of a round with their state, as the province and a district follow the review: each caller sees only
// the communes in its scope on the round's date (a district in 2024, none since 01/07/2025), in Vietnamese order.

let ctx: TestContext;
let province: TestClient;
let round2024: string;
let round2026: string;

/** The communes of the tree on a date, as the province sees it, with their district. */
async function communesOn(
  date: string,
): Promise<{ code: string; name: string; parentCode: string | null }[]> {
  const tree = (await province.get(`/api/units/tree?asOf=${date}`)).json() as TreeResponse;
  return tree.nodes.filter((n) => n.level === 'commune');
}

beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-11-20T03:00:00Z' });
  province = await ctx.userWith('poverty_office', { unitCode: '20' });
  round2024 = (await province.post('/api/rounds', { year: 2024, openedOn: '2024-09-01' })).json().id;
  round2026 = (await province.post('/api/rounds', { year: 2026, openedOn: '2026-09-01' })).json().id;
});
afterAll(async () => ctx.close());

describe('GET /api/rounds/:id/communes', () => {
  it('gives the province every commune of the round with its state, in Vietnamese collation order', async () => {
    const res = await province.get(`/api/rounds/${round2026}/communes`);
    expect(res.statusCode).toBe(200);
    const rows = res.json() as RoundCommuneStateDto[];
    const expected = await communesOn('2026-12-31');
    expect(rows.length).toBe(expected.length);
    expect(rows.length).toBeGreaterThan(60);
    expect(rows.map((r) => r.code).sort()).toEqual(expected.map((c) => c.code).sort());
    expect(rows.map((r) => r.name)).toEqual([...rows.map((r) => r.name)].sort(compareVi));
    expect(rows.find((r) => r.code === '06529')).toEqual({
      code: '06529',
      name: 'Xã Lộc Bình',
      state: 'open',
      stateLabel: 'Mới mở kỳ rà soát',
    });
    expect(Object.keys(rows[0]!).sort()).toEqual(['code', 'name', 'state', 'stateLabel']);
  });

  it("follows a commune's step: the lists drafted show in the province's list", async () => {
    const commune = await ctx.userWith('commune_officer', { unitCode: '06529' });
    const acted = await commune.post(`/api/rounds/${round2026}/communes/06529/actions`, {
      type: 'draft_lists',
    });
    expect(acted.statusCode, acted.body.slice(0, 300)).toBe(200);
    const rows = (await province.get(`/api/rounds/${round2026}/communes`)).json() as RoundCommuneStateDto[];
    expect(rows.find((r) => r.code === '06529')).toMatchObject({
      state: 'lists_drafted',
      stateLabel: 'Đã lập danh sách theo thôn',
    });
    expect(rows.filter((r) => r.state === 'open')).toHaveLength(rows.length - 1);
  });

  it('gives a district officer only the communes of the district in 2024', async () => {
    const district = await ctx.userWith('district_officer', { unitCode: '188' });
    const res = await district.get(`/api/rounds/${round2024}/communes`);
    expect(res.statusCode).toBe(200);
    const rows = res.json() as RoundCommuneStateDto[];
    const ofDistrict = (await communesOn('2024-12-31')).filter((c) => c.parentCode === '188');
    expect(ofDistrict.length).toBeGreaterThan(5);
    expect(rows.map((r) => r.code).sort()).toEqual(ofDistrict.map((c) => c.code).sort());
    expect(rows.map((r) => r.name)).toContain('Thị trấn Lộc Bình');
  });

  it("gives a commune officer only their own commune, and other roles' refusals in Vietnamese", async () => {
    const commune = await ctx.userWith('commune_officer', { unitCode: '06529' });
    expect(
      ((await commune.get(`/api/rounds/${round2026}/communes`)).json() as RoundCommuneStateDto[]).map(
        (r) => r.code,
      ),
    ).toEqual(['06529']);
    const orgs = (await province.get('/api/organisations')).json() as { id: string }[];
    const focal = await ctx.userWith('org_focal_point', { organisationId: orgs[0]!.id });
    const refused = await focal.get(`/api/rounds/${round2026}/communes`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toMatch(/quyền/u);
    const missing = await province.get('/api/rounds/00000000-0000-4000-8000-000000000000/communes');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toBe('Không tìm thấy kỳ rà soát.');
  });
});
