import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../support/test-app.ts';

// A commune takes the 2026 round (NĐ 07/2021, no district level any more) from open to submitted; the province
// approves; a later correction becomes an amendment with a reason and shows in the round's figures.

let ctx: TestContext;
let commune: TestClient;
let province: TestClient;
let roundId: string;
let householdId: string;
let villageCode: string;

const member = (fullName: string, birthYear: number, relation: string, extra: object = {}) => ({
  fullName,
  birthYear,
  sex: 'male',
  relation,
  facts: { hasHealthInsurance: true, employment: 'stable' },
  ...extra,
});

beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-11-20T03:00:00Z' });
  commune = await ctx.userWith('commune_officer', { unitCode: '06529' });
  province = await ctx.userWith('poverty_office', { unitCode: '20' });
  const village = await commune.post('/api/units/villages', { communeCode: '06529', name: 'Thôn Khòn Pịt', kind: 'Thôn', validFrom: '2026-01-01' });
  villageCode = village.json().code;
  const round = await province.post('/api/rounds', { year: 2026, openedOn: '2026-09-01' });
  expect(round.statusCode).toBe(200);
  roundId = round.json().id;
});
afterAll(async () => ctx.close());

describe('the household registry', () => {
  it('adds a household with its members and warns about a duplicate citizen ID', async () => {
    const res = await commune.post('/api/households', {
      code: 'LB-0001',
      headName: 'Hoàng Văn Pấu',
      villageCode,
      area: 'rural',
      ethnicMinority: true,
      dwelling: { wallDurable: false, frameDurable: false, roofDurable: true, floorArea: 30, hygienicWater: false, hygienicLatrine: false },
      members: [member('Hoàng Văn Pấu', 1980, 'Chủ hộ', { citizenId: '020080001234' }), member('Nông Thị Lìu', 1982, 'Vợ', { sex: 'female' })],
    });
    expect(res.statusCode).toBe(200);
    householdId = res.json().id;
    const dup = await commune.post('/api/households', {
      code: 'LB-0002',
      headName: 'Hoàng Văn Pấu',
      villageCode,
      area: 'rural',
      members: [member('Hoàng Văn Pâu', 1980, 'Chủ hộ', { citizenId: '020080001234' })],
    });
    expect(dup.json().warnings.join(' ')).toMatch(/CCCD 020\*+1234 đã có ở hộ LB-0001/u);
    expect(dup.json().warnings.join(' ')).toMatch(/Có thể trùng người: Hoàng Văn Pấu \(sinh năm 1980\)/u);
  });

  it('refuses a bad citizen ID in Vietnamese', async () => {
    const res = await commune.post('/api/households', { code: 'LB-9', headName: 'A', villageCode, area: 'rural', members: [member('A', 1990, 'Chủ hộ', { citizenId: '12345' })] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/12 chữ số/u);
  });

  it('lists households with masked citizen IDs and finds them without accents', async () => {
    const res = await commune.get('/api/households?q=hoang%20van%20pau');
    expect(res.statusCode).toBe(200);
    const rows = res.json().rows as { code: string; headCitizenIdMasked: string }[];
    expect(rows.map((r) => r.code)).toContain('LB-0001');
    expect(rows.find((r) => r.code === 'LB-0001')?.headCitizenIdMasked).toBe('020*****1234');
  });
});

describe('the 2026 review round of a commune', () => {
  it('classifies a household from its facts and Phiếu B ticks, explaining the decision', async () => {
    const res = await commune.request({ method: 'PUT', url: `/api/rounds/${roundId}/households/${householdId}/assessment`, payload: { incomePerCapita: 1_200_000, ticked: ['telecom'] } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ mode: 'direct', category: 'poor', transition: 'first_round' });
    expect(res.json().reason).toMatch(/1\.200\.000 đ ≤ 1\.500\.000 đ/u);
  });

  it('keeps every assessment when two officers of the commune save the same household at the same moment', async () => {
    const second = await ctx.userWith('commune_officer', { unitCode: '06529' });
    const before = (await ctx.testDb.database.query<{ n: number }>('select count(*)::int as n from assessments where household_id = $1', [householdId]))[0]!.n;
    const saves = await Promise.all(
      [1_100_000, 1_150_000, 1_250_000, 1_300_000, 1_350_000, 1_400_000].map((income, i) =>
        (i % 2 === 0 ? commune : second).request({ method: 'PUT', url: `/api/rounds/${roundId}/households/${householdId}/assessment`, payload: { incomePerCapita: income, ticked: ['telecom'] } }),
      ),
    );
    expect(saves.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
    const rows = await ctx.testDb.database.query<{ revision: number; is_current: boolean }>('select revision, is_current from assessments where household_id = $1 order by revision', [householdId]);
    expect(rows.map((r) => r.revision)).toEqual(Array.from({ length: before + 6 }, (_, i) => i + 1));
    expect(rows.filter((r) => r.is_current)).toHaveLength(1);
    const audit = await ctx.testDb.database.query<{ n: number }>("select count(*)::int as n from audit_log where entity_id = $1 and action = 'assessment.recorded'", [householdId]);
    expect(audit[0]!.n).toBe(before + 6);
    // Back to the facts the following steps start from.
    const again = await commune.request({ method: 'PUT', url: `/api/rounds/${roundId}/households/${householdId}/assessment`, payload: { incomePerCapita: 1_200_000, ticked: ['telecom'] } });
    expect(again.json()).toMatchObject({ revision: before + 7 });
  });

  it('exports the list of poor households as XLSX', async () => {
    const res = await commune.get(`/api/rounds/${roundId}/export?unitCode=06529&list=poor`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const texts: string[] = [];
    wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts).toContain('LB-0001');
    expect(wb.worksheets[0]!.name).toBe('Danh sách hộ nghèo');
  });

  it('goes from open to commune-submitted with the minutes and posting dates', async () => {
    const url = `/api/rounds/${roundId}/communes/06529/actions`;
    const steps = [
      { type: 'draft_lists' },
      { type: 'record_meeting', date: '2026-11-02', attendees: 52, chair: 'Trưởng thôn Hoàng Văn Pấu', minutes: 'Thống nhất danh sách hộ nghèo, cận nghèo.' },
      { type: 'post_list', from: '2026-11-03', to: '2026-11-06', place: 'Nhà văn hóa thôn' },
      { type: 'settle_complaints', complaints: [{ receivedOn: '2026-11-04', from: 'Hộ Lăng Văn Nặm', content: 'Đề nghị xem xét lại', outcome: 'Giữ nguyên', settledOn: '2026-11-05' }] },
      { type: 'submit' },
    ];
    let state = '';
    for (const step of steps) {
      const res = await commune.post(url, step);
      expect(res.statusCode, res.body).toBe(200);
      state = res.json().state;
    }
    expect(state).toBe('commune_submitted');
  });

  it('refuses edits while the list is with the province', async () => {
    const res = await commune.request({ method: 'PUT', url: `/api/rounds/${roundId}/households/${householdId}/assessment`, payload: { incomePerCapita: 1_600_000 } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(/chờ cấp trên/u);
  });

  it('does not let the commune approve itself; the province approves (no district since 01/07/2025)', async () => {
    const self = await commune.post(`/api/rounds/${roundId}/communes/06529/actions`, { type: 'province_approve' });
    expect(self.statusCode).toBe(403);
    const res = await province.post(`/api/rounds/${roundId}/communes/06529/actions`, { type: 'province_approve' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ state: 'province_approved', editMode: 'amendment' });
  });

  it('turns a later edit into an amendment with a reason, shown in the figures', async () => {
    const before = (await province.get(`/api/rounds/${roundId}/figures?unitCode=06529`)).json();
    expect(before).toMatchObject({ poor: 1, amendments: 0 });
    const noReason = await commune.request({ method: 'PUT', url: `/api/rounds/${roundId}/households/${householdId}/assessment`, payload: { incomePerCapita: 1_600_000 } });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.message).toMatch(/lý do/u);
    const res = await commune.request({
      method: 'PUT',
      url: `/api/rounds/${roundId}/households/${householdId}/assessment`,
      payload: { incomePerCapita: 1_600_000, amendmentReason: 'Đính chính thu nhập theo xác minh ngày 25/11/2026' },
    });
    expect(res.statusCode).toBe(200);
    // revision 1 from the classification, 6 concurrent saves, one restoring save, then the amendment
    expect(res.json()).toMatchObject({ mode: 'amendment', revision: 9 });
    const after = (await province.get(`/api/rounds/${roundId}/figures?unitCode=06529`)).json();
    expect(after).toMatchObject({ poor: 0, amendments: 1 });
    const detailRes = await commune.get(`/api/households/${householdId}`);
    expect(detailRes.statusCode, detailRes.body).toBe(200);
    const detail = detailRes.json();
    const current = detail.assessments.find((a: { isCurrent: boolean }) => a.isCurrent);
    expect(current).toMatchObject({ isAmendment: true, amendmentReason: 'Đính chính thu nhập theo xác minh ngày 25/11/2026' });
    expect(detail.history.map((h: { action: string }) => h.action)).toContain('assessment.amended');
  });

  it('cannot freeze the round while other communes are not approved', async () => {
    const res = await province.post(`/api/rounds/${roundId}/freeze`, { decisionNumber: '1234/QĐ-UBND', decisionDate: '2026-12-15' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/Còn 64 xã chưa được tỉnh phê duyệt/u);
  });

});
