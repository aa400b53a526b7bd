// Demo award nominations (every batch marked demo) on the campaign of plan 165/KH-UBND, round "Tổng kết 2020", built
// through the awards service so that the eligibility shown is the data's: Huyện Lộc Bình's batch for the provincial
// chairman's Bằng khen still being drafted (two households who escaped ≥ 3 years ago, one who escaped more recently,
// Thị trấn Lộc Bình); Sở LĐTBXH's batch waiting for the board's appraisal; Huyện Lộc Bình's Huân chương Lao động
// hạng Ba proposal for Xã Yên Khoái published for public comment from today.

import { inArray } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { awardBatches, organisations } from '../../db/schema/index.ts';
import type { Principal } from '../../domain/access/authorize.ts';
import { systemActor } from '../../server/modules/audit/audit.ts';
import { createAwardsService } from '../../server/modules/awards/awards.service.ts';
import { listRounds } from '../../server/modules/emulation/campaigns.repository.ts';
import { createScopeChecker, createUnitsCatalog } from '../../server/modules/units/units.service.ts';
import type { Clock, IdGenerator } from '../../shared/clock.ts';
import { seedPlan165Campaign } from '../plan-165.ts';

const LOC_BINH = '188';
const province: Principal = { userId: '00000000-0000-0000-0000-000000000000', username: 'he-thong', fullName: 'Hệ thống', assignments: [{ role: 'admin', unitCode: '20', organisationId: null }] };

function meeting(nomineeIds: string[], heldOn: string, chair: string) {
  return {
    heldOn,
    startTime: '08:00',
    endTime: '10:00',
    venue: 'Hội trường UBND (mẫu)',
    chair: { name: chair, position: 'Chủ tịch Hội đồng Thi đua - Khen thưởng' },
    secretary: { name: 'Hà Thị Thu', position: 'Thư ký Hội đồng' },
    membersTotal: 9,
    attendees: [chair, 'Hà Thị Thu', 'Lộc Văn Quang', 'Vy Thị Hằng', 'Hoàng Văn Tâm', 'Lăng Thị Nga', 'Mã Văn Sơn', 'Chu Thị Liên'],
    votes: nomineeIds.map((nomineeId) => ({ nomineeId, agree: 8, disagree: 0, abstain: 0 })),
  };
}
const toTrinh = (number: string, date: string, signerName: string) => ({ number, date, signerName, signerAuthority: ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], addressee: 'Ủy ban nhân dân tỉnh Lạng Sơn', content: 'Thực hiện Kế hoạch số 165/KH-UBND, đơn vị đã triển khai phong trào thi đua sâu rộng (dữ liệu mẫu).' });

type DemoOptions = { provinceCode: string; clock: Clock; ids: IdGenerator; log(message: string): void };

/** Demo nominations must never stop the demo from starting: a failure is reported and the rest of the demo stands. */
export async function loadDemoAwards(database: Database, options: DemoOptions): Promise<void> {
  try {
    await loadNominations(database, options);
  } catch (error) {
    options.log(`Không nạp được hồ sơ khen thưởng mẫu: ${(error as Error).message}`);
  }
}

async function loadNominations(database: Database, options: DemoOptions): Promise<void> {
  const db = database.db;
  const { campaignId } = await seedPlan165Campaign(db, options);
  const final = (await listRounds(db, campaignId)).find((r) => r.kind === 'final');
  if (!final) return;
  // Households of Lộc Bình by how long their escape had held at the latest review before the final round.
  const rows = await database.query<{ id: string; years: number }>(
    `select distinct on (a.household_id) a.household_id as id, a.stable_escape_years as years
       from assessments a join review_rounds r on r.id = a.round_id
      where a.is_current and a.district_code = $1 and r.year <= $2
      order by a.household_id, r.year desc`,
    [LOC_BINH, final.measureToYear],
  );
  // The demo registry's escapes start in 2017, so few (if any) have held 3 years by 2019: the longest-held two and
  // one recent escape, whatever their checks then say.
  const escaped = rows.filter((r) => r.years !== null).sort((a, b) => b.years - a.years);
  const held = escaped.slice(0, 2);
  const recent = escaped.filter((r) => !held.includes(r)).at(-1);
  const catalog = createUnitsCatalog(db);
  const svc = createAwardsService({ db, clock: options.clock, ids: options.ids, provinceCode: options.provinceCode, catalog, scope: createScopeChecker(catalog, options.clock) });
  const as = [province, systemActor] as const;
  const today = options.clock.today();
  const created: string[] = [];

  // 1. Huyện Lộc Bình, Bằng khen tỉnh, being drafted: its checklist shows who has held the escape long enough.
  let draft = await svc.createBatch(...as, { roundId: final.id, formId: 'bang_khen_tinh', unitCode: LOC_BINH });
  created.push(draft.id);
  for (const h of [...held, ...(recent ? [recent] : [])]) draft = await svc.addNominee(...as, draft.id, { kind: 'household', householdId: h.id });
  await svc.addNominee(...as, draft.id, { kind: 'collective', unitCode: '06529' });

  // 2. Sở LĐTBXH, Bằng khen tỉnh for the department, sent to the board.
  const [org] = await db.select().from(organisations).where(inArray(organisations.name, ['Sở Lao động - Thương binh và Xã hội']));
  if (org) {
    let b = await svc.createBatch(...as, { roundId: final.id, formId: 'bang_khen_tinh', organisationId: org.id });
    created.push(b.id);
    b = await svc.addNominee(...as, b.id, { kind: 'collective', organisationId: org.id });
    const n = b.nominees[0]!;
    await svc.updateNominee(...as, n.id, { achievementReport: 'Sở đã tham mưu UBND tỉnh triển khai Chương trình mục tiêu quốc gia giảm nghèo bền vững; hướng dẫn rà soát hộ nghèo hằng năm đúng quy trình; phối hợp đào tạo nghề cho hơn 2.000 lao động nghèo (dữ liệu mẫu).' });
    await svc.saveDossier(...as, b.id, { toTrinh: toTrinh('45/TTr-SLĐTBXH', '2020-04-15', 'Hoàng Văn Minh'), proposerMeeting: meeting([n.id], '2020-04-14', 'Hoàng Văn Minh') });
    await svc.submit(...as, b.id);
  }

  // 3. Huyện Lộc Bình, Huân chương Lao động hạng Ba for Xã Yên Khoái, appraised and published for comment.
  let state = await svc.createBatch(...as, { roundId: final.id, formId: 'huan_chuong_ld_3', unitCode: LOC_BINH });
  created.push(state.id);
  state = await svc.addNominee(...as, state.id, { kind: 'collective', unitCode: '06541' });
  const n = state.nominees[0]!;
  state = await svc.updateNominee(...as, n.id, { achievementReport: 'Xã Yên Khoái giảm tỷ lệ hộ nghèo từ 38% năm 2016 xuống 17% năm 2019, vượt chỉ tiêu hằng năm; xây dựng mô hình nuôi trâu sinh sản nhân rộng ra 5 thôn (dữ liệu mẫu).', exceptionReason: n.blocked ? 'Đơn vị điển hình của huyện, đề nghị Hội đồng xem xét (dữ liệu mẫu).' : undefined });
  await svc.saveDossier(...as, state.id, { toTrinh: toTrinh('210/TTr-UBND', '2020-04-20', 'Nông Văn Thanh'), proposerMeeting: meeting([n.id], '2020-04-18', 'Nông Văn Thanh') });
  await svc.submit(...as, state.id);
  await svc.approve(...as, state.id);
  await svc.publish(...as, state.id, { publishedOn: today });

  await db.update(awardBatches).set({ isDemo: true }).where(inArray(awardBatches.id, created));
  options.log(`Đã nạp ${created.length} hồ sơ đề nghị khen thưởng mẫu.`);
}
