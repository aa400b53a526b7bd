import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
let commune: TestClient;
let villageCode: string;

async function addHousehold(code: string, names: string[]): Promise<string> {
  const res = await commune.post('/api/households', {
    code,
    headName: names[0],
    villageCode,
    area: 'rural',
    members: names.map((fullName, i) => ({ fullName, birthYear: 1970 + i * 20, sex: i % 2 ? 'female' : 'male', relation: i === 0 ? 'Chủ hộ' : 'Con' })),
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().id;
}

beforeAll(async () => {
  // Monday 16/11/2026
  ctx = await createTestContext({ now: '2026-11-16T03:00:00Z' });
  commune = await ctx.userWith('commune_officer', { unitCode: '06529' });
  villageCode = (await commune.post('/api/units/villages', { communeCode: '06529', name: 'Thôn Bản Chu', kind: 'Thôn', validFrom: '2026-01-01' })).json().code;
});
afterAll(async () => ctx.close());

describe('splitting and merging households', () => {
  it('splits a married son into a new household; both keep their history', async () => {
    const id = await addHousehold('BC-01', ['Lương Văn Tài', 'Lương Văn Sơn', 'Lương Thị Hoa']);
    const detail = (await commune.get(`/api/households/${id}`)).json();
    const son = detail.members.find((m: { fullName: string }) => m.fullName === 'Lương Văn Sơn');
    const res = await commune.post(`/api/households/${id}/split`, { newCode: 'BC-02', headName: 'Lương Văn Sơn', memberIds: [son.id], effectiveDate: '2026-11-01', reason: 'Con trai lập gia đình riêng' });
    expect(res.statusCode, res.body).toBe(200);
    const oldOne = (await commune.get(`/api/households/${id}`)).json();
    const newOne = (await commune.get(`/api/households/${res.json().id}`)).json();
    expect(oldOne.members.map((m: { fullName: string }) => m.fullName)).toEqual(['Lương Văn Tài', 'Lương Thị Hoa']);
    expect(newOne.members.map((m: { fullName: string }) => m.fullName)).toEqual(['Lương Văn Sơn']);
    expect(oldOne.history[0]).toMatchObject({ action: 'household.split', reason: 'Con trai lập gia đình riêng' });
  });

  it('refuses to split every member away', async () => {
    const id = await addHousehold('BC-03', ['Vi Văn Một']);
    const only = (await commune.get(`/api/households/${id}`)).json().members[0].id;
    const res = await commune.post(`/api/households/${id}/split`, { newCode: 'BC-04', headName: 'Vi Văn Một', memberIds: [only], effectiveDate: '2026-11-01', reason: 'Thử' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/ít nhất một người/u);
  });

  it('merges a household into another and closes it without deleting it', async () => {
    const a = await addHousehold('BC-05', ['Hà Thị Nhất']);
    const b = await addHousehold('BC-06', ['Hà Văn Nhì', 'Hà Văn Ba']);
    const res = await commune.post(`/api/households/${a}/merge`, { intoHouseholdId: b, effectiveDate: '2026-11-10', reason: 'Về ở cùng con' });
    expect(res.statusCode, res.body).toBe(200);
    const closed = (await commune.get(`/api/households/${a}`)).json();
    expect(closed).toMatchObject({ closedOn: '2026-11-10', closedReason: 'Nhập vào hộ BC-06' });
    expect((await commune.get(`/api/households/${b}`)).json().members).toHaveLength(3);
    const again = await commune.post(`/api/households/${a}/merge`, { intoHouseholdId: b, effectiveDate: '2026-11-11', reason: 'Lặp' });
    expect(again.statusCode).toBe(400);
  });
});

describe('social-bank loans', () => {
  it('records a loan and still opens the household record', async () => {
    const id = await addHousehold('BC-08', ['Lăng Văn Vay']);
    const res = await commune.post(`/api/households/${id}/loans`, { amount: 50_000_000, purpose: 'Chăn nuôi trâu', disbursedOn: '2024-03-01', dueOn: '2026-03-01', usedAsIntended: true, interestOnTime: true, principalOnTime: false });
    expect(res.statusCode, res.body).toBe(200);
    const detail = await commune.get(`/api/households/${id}`);
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json().loans[0]).toMatchObject({ purpose: 'Chăn nuôi trâu', overdue: true });
  });

  it('records a voluntary escape registration once per year', async () => {
    const id = await addHousehold('BC-09', ['Nông Văn Tự']);
    const first = await commune.post(`/api/households/${id}/escape-registrations`, { year: 2026, registeredOn: '2026-03-02' });
    expect(first.statusCode, first.body).toBe(200);
    const again = await commune.post(`/api/households/${id}/escape-registrations`, { year: 2026, registeredOn: '2026-03-05' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('Hộ đã đăng ký thoát nghèo năm 2026.');
  });
});

describe('in-year applications (phát sinh)', () => {
  it('shows the 7-working-day deadline, refuses a refusal without reason, and records the decision', async () => {
    const id = await addHousehold('BC-07', ['Triệu Văn Đơn']);
    // applied Friday 13/11/2026 → 7 working days → Tuesday 24/11/2026
    const applied = await commune.post(`/api/households/${id}/applications`, { kind: 'enter_poor', appliedOn: '2026-11-13' });
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json().deadlineOn).toBe('2026-11-24');
    const list = (await commune.get('/api/applications?open=true')).json();
    const mine = list.find((a: { householdCode: string }) => a.householdCode === 'BC-07');
    expect(mine).toMatchObject({ deadlineOn: '2026-11-24', overdue: false, workingDaysLeft: 7 });
    const noReason = await commune.post(`/api/applications/${mine.id}/decision`, { outcome: 'refused', decidedOn: '2026-11-16' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.message).toMatch(/lý do/u);
    const ok = await commune.post(`/api/applications/${mine.id}/decision`, { outcome: 'refused', decidedOn: '2026-11-16', reason: 'Thu nhập vượt chuẩn' });
    expect(ok.statusCode).toBe(200);
    expect((await commune.get('/api/applications?open=true')).json().some((a: { householdCode: string }) => a.householdCode === 'BC-07')).toBe(false);
  });
});
