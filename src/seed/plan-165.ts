// The campaign of Kế hoạch 165/KH-UBND (Lạng Sơn, 26/9/2017), 2016–2020, as seed data: every criterion of the plan's
// section III under its participant type, with its code, its text as restored in seed/plan-165-KH-UBND-2017.md, its
// maximum points (100 per participant type, shared out among its criteria — data an administrator may edit) and
// where its score comes from (a named formula, evidence verified by the board, or the council); and the review rounds
// of section IV (annual, sơ kết 2018, tổng kết 2020 with the ceremony on 11/06/2020, Ngày Truyền thống thi đua yêu nước).
// Idempotent: a second run finds the campaign by its seed key and changes nothing.

import type { Db } from '../db/client.ts';
import type { Clock, IdGenerator } from '../shared/clock.ts';
import type { ParticipantType } from '../domain/emulation/participant-types.ts';
import { participantTypes } from '../domain/emulation/participant-types.ts';
import { PLAN_165_2017_TARGETS } from '../domain/stats/target-rule-sets.ts';
import type { CreateRoundBody, CriterionInput } from '../shared/schemas/emulation.schema.ts';
import { systemActor } from '../server/modules/audit/audit.ts';
import { createCampaignsService } from '../server/modules/emulation/campaigns.service.ts';
import { getCampaignBySeedKey } from '../server/modules/emulation/campaigns.repository.ts';
import { createOwnerScope } from '../server/modules/emulation/emulation-scope.ts';
import { createScopeChecker, createUnitsCatalog } from '../server/modules/units/units.service.ts';

export const PLAN_165_SEED_KEY = 'plan-165-2017';

const evidence = (code: string, text: string, maxPoints: number, feeds: CriterionInput['feeds'] = []): CriterionInput => ({ code, text, maxPoints, kind: 'evidence', formulaId: null, params: {}, feeds });
const council = (code: string, text: string, maxPoints: number, feeds: CriterionInput['feeds'] = []): CriterionInput => ({ code, text, maxPoints, kind: 'council', formulaId: null, params: {}, feeds });
const measured = (code: string, text: string, maxPoints: number, formulaId: NonNullable<CriterionInput['formulaId']>, params: Record<string, unknown> = {}, feeds: CriterionInput['feeds'] = []): CriterionInput => ({ code, text, maxPoints, kind: 'measured', formulaId, params, feeds });

/** Thresholds of resources mobilised per year (đồng) for criteria 1.3, 2.3, 7.1: configurable data. */
const thresholds = (full: number, threeQuarters: number, half: number) => ({
  thresholds: [
    { minValuePerYear: full, share: 1 },
    { minValuePerYear: threeQuarters, share: 0.75 },
    { minValuePerYear: half, share: 0.5 },
    { minValuePerYear: 1, share: 0.25 },
  ],
});

// Partial points for a reduction short of the target: max × reduction ÷ required; 0 when the rate did not fall.
const rateRule = { partialCredit: 'proportional' };
const timelinessRule = { pointsPerDayLate: 1 };

export const plan165Criteria: Record<ParticipantType, CriterionInput[]> = {
  // III.1 Sở, ban, ngành, Mặt trận Tổ quốc và các đoàn thể cấp tỉnh
  department_front_union: [
    evidence(
      '1.1',
      'Hoàn thành có chất lượng, đúng thời hạn các văn bản hướng dẫn thực hiện chính sách, chương trình giảm nghèo theo chỉ đạo của cấp có thẩm quyền; có sáng kiến, giải pháp trong xây dựng, ban hành (hoặc trình ban hành), tổ chức thực hiện cơ chế, chính sách, hướng dẫn, tháo gỡ khó khăn cho cơ sở trong giảm nghèo.',
      35,
      ['initiative'],
    ),
    council(
      '1.2',
      'Chủ động nghiên cứu, rà soát, sửa đổi, bổ sung hoặc kiến nghị sửa đổi chính sách giảm nghèo phù hợp thực tế; đẩy mạnh phân cấp, trao quyền cho địa phương, cơ sở; phát huy vai trò cộng đồng; ưu tiên hỗ trợ địa bàn nghèo, vùng đặc biệt khó khăn.',
      30,
    ),
    measured(
      '1.3',
      'Chủ động huy động nguồn lực; có nhiều sáng kiến, mô hình giảm nghèo bền vững được nhân rộng, giúp người nghèo phát triển sản xuất kinh doanh, ổn định cuộc sống, thoát nghèo bền vững, không tái nghèo.',
      35,
      'mobilised_resources',
      thresholds(500_000_000, 200_000_000, 50_000_000),
      ['model', 'initiative', 'support_activity'],
    ),
  ],
  // III.2 Huyện, thành phố
  district: [
    evidence('2.1', 'Xây dựng và triển khai có hiệu quả chương trình, kế hoạch giảm nghèo bền vững; giải pháp phù hợp địa phương; bố trí ngân sách địa phương ưu tiên cho xã, thôn, bản nghèo.', 25),
    measured('2.2', 'Phân bổ, sử dụng kinh phí đúng chế độ, quyết toán đúng thời gian; thực hiện nghiêm chế độ báo cáo định kỳ, đột xuất theo yêu cầu cấp trên.', 25, 'report_timeliness', timelinessRule),
    measured('2.3', 'Chủ động huy động các nguồn lực xã hội cho mục tiêu giảm nghèo bền vững.', 25, 'mobilised_resources', thresholds(2_000_000_000, 1_000_000_000, 300_000_000), ['support_activity']),
    measured('2.4', 'Giảm tỷ lệ hộ nghèo trên địa bàn hằng năm đạt mục tiêu đề ra.', 25, 'rate_reduction_vs_target', rateRule),
  ],
  // III.3 Xã, phường, thị trấn
  commune: [
    evidence('3.1', 'Triển khai có hiệu quả chương trình, kế hoạch giảm nghèo; ưu tiên hỗ trợ thôn, bản nghèo.', 25),
    measured('3.2', 'Sử dụng kinh phí đúng mục đích, chế độ, quyết toán đúng hạn; báo cáo định kỳ, đột xuất nghiêm túc.', 25, 'report_timeliness', timelinessRule),
    evidence('3.3', 'Huy động nguồn lực xã hội; có quy chế quản lý, duy trì, thu hồi và luân chuyển phần vốn ngân sách nhà nước hỗ trợ, cho vay ưu đãi thực hiện dự án, mô hình giảm nghèo.', 25, ['model', 'support_activity']),
    measured('3.4', 'Giảm tỷ lệ hộ nghèo trên địa bàn hằng năm đạt mục tiêu đề ra.', 25, 'rate_reduction_vs_target', rateRule),
  ],
  // III.4 Thôn, bản, tổ dân phố, khu dân cư
  village: [
    evidence('4.1', 'Hỗ trợ vốn, chia sẻ kinh nghiệm, kỹ thuật để hộ nghèo phát triển sản xuất, thoát nghèo.', 20, ['support_activity']),
    evidence('4.2', 'Có quy chế quản lý, duy trì, thu hồi và luân chuyển phần vốn ngân sách hỗ trợ, cho vay ưu đãi; nhân rộng mô hình giảm nghèo trên địa bàn.', 20, ['model']),
    evidence('4.3', 'Huy động có hiệu quả nguồn lực từ nhân dân, cộng đồng.', 20, ['support_activity']),
    council('4.4', 'Điều kiện sống của người nghèo cải thiện rõ rệt, nhất là thu nhập, y tế, giáo dục, nhà ở, nước sạch và vệ sinh, thông tin; tiếp cận thuận lợi hơn các dịch vụ xã hội cơ bản.', 20),
    measured('4.5', 'Giảm tỷ lệ hộ nghèo trên địa bàn hằng năm đạt mục tiêu đề ra.', 20, 'rate_reduction_vs_target', rateRule),
  ],
  // III.5a Hộ không phải hộ nghèo
  household_non_poor: [evidence('5a.1', 'Có việc làm thiết thực giúp hộ nghèo, hộ cận nghèo thoát nghèo (tạo việc làm, hỗ trợ vốn, giống, kỹ thuật...).', 100, ['support_activity'])],
  // III.5b Hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo
  household_poor: [
    measured('5b.1', 'Chủ động phát huy nội lực, vượt khó; tự nguyện đăng ký thoát nghèo.', 25, 'voluntary_escape_registration'),
    evidence('5b.2', 'Có sáng kiến, cách làm hay trong phát triển sản xuất, ngành nghề, mô hình giảm nghèo, tạo việc làm, tăng thu nhập.', 25, ['initiative', 'model']),
    measured('5b.3', 'Thoát nghèo ổn định từ 03 năm trở lên và giúp đỡ hộ nghèo khác cùng thoát nghèo.', 25, 'stable_escape_helpers', { minYears: 3, shareWithoutHelping: 0.5 }, ['exemplar', 'support_activity']),
    measured('5b.4', 'Sử dụng vốn vay Ngân hàng Chính sách xã hội đúng mục đích, trả lãi, trả gốc đúng hạn.', 25, 'loan_repayment'),
  ],
  // III.6 Cán bộ, công chức, viên chức làm công tác giảm nghèo
  poverty_cadre: [evidence('6.1', 'Nỗ lực công tác, bám sát cơ sở, có sáng kiến trong xây dựng, tham mưu ban hành cơ chế, chính sách, hướng dẫn và tháo gỡ khó khăn cho cơ sở.', 100, ['initiative'])],
  // III.7 Doanh nghiệp, hợp tác xã
  enterprise_cooperative: [
    measured('7.1', 'Có đóng góp cụ thể, thiết thực cho công tác giảm nghèo, hỗ trợ người nghèo.', 35, 'mobilised_resources', thresholds(200_000_000, 100_000_000, 20_000_000), ['support_activity']),
    evidence('7.2', 'Liên kết sản xuất, chế biến, tiêu thụ sản phẩm của người nghèo; mô hình giảm nghèo, dạy nghề, tạo việc làm cho người nghèo.', 35, ['model', 'support_activity']),
    council('7.3', 'Thực hiện hiệu quả chính sách tín dụng đối với hộ nghèo, cận nghèo, mới thoát nghèo.', 30),
  ],
};

/** An annual round: self-assessment after the province approves the review (mid-December), results by end of January. */
function annual(year: number): CreateRoundBody {
  return {
    kind: 'annual',
    name: `Đánh giá năm ${year}`,
    year,
    measureFromYear: year,
    measureToYear: year,
    selfAssessmentFrom: `${year}-12-20`,
    selfAssessmentTo: `${year + 1}-01-10`,
    verificationUntil: `${year + 1}-01-20`,
    councilScoringOn: `${year + 1}-01-25`,
    publicationOn: `${year + 1}-01-31`,
    ceremonyOn: null,
  };
}

export const plan165Rounds: CreateRoundBody[] = [
  annual(2017),
  annual(2018),
  // Mục IV.2: sơ kết năm 2018, on the 2017 and 2018 reviews.
  { ...annual(2018), kind: 'mid_term', name: 'Sơ kết 2018', measureFromYear: 2017, measureToYear: 2018 },
  annual(2019),
  // Mục IV.3: tổng kết năm 2020; the Chairman rewards on 11/06/2020. The latest approved review before it is 2019's.
  {
    kind: 'final',
    name: 'Tổng kết 2020',
    year: 2020,
    measureFromYear: 2017,
    measureToYear: 2019,
    selfAssessmentFrom: '2020-03-01',
    selfAssessmentTo: '2020-03-31',
    verificationUntil: '2020-04-20',
    councilScoringOn: '2020-05-10',
    publicationOn: '2020-05-25',
    ceremonyOn: '2020-06-11',
  },
  annual(2020),
];

export async function seedPlan165Campaign(db: Db, deps: { clock: Clock; ids: IdGenerator; provinceCode: string }): Promise<{ created: boolean; campaignId: string }> {
  const existing = await getCampaignBySeedKey(db, deps.provinceCode, PLAN_165_SEED_KEY);
  if (existing) return { created: false, campaignId: existing.id };
  const catalog = createUnitsCatalog(db);
  const scope = createScopeChecker(catalog, deps.clock);
  const campaigns = createCampaignsService({ db, ...deps, catalog, scope, filesDir: '', owners: createOwnerScope(scope, deps.provinceCode) });
  const campaign = await campaigns.createUnchecked(
    systemActor,
    {
      name: 'Phong trào thi đua "Lạng Sơn cùng cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau" giai đoạn 2016 - 2020',
      shortName: 'Phong trào thi đua chung tay vì người nghèo 2016 - 2020',
      legalBasis:
        'Kế hoạch số 165/KH-UBND ngày 26/9/2017 của UBND tỉnh Lạng Sơn; Quyết định số 1258/QĐ-TTg ngày 21/8/2017 của Thủ tướng Chính phủ; Nghị quyết số 22-NQ/TU ngày 02/8/2016 của Ban Chấp hành Đảng bộ tỉnh',
      periodFrom: 2016,
      periodTo: 2020,
      participantTypes: [...participantTypes],
      targetRuleSetId: PLAN_165_2017_TARGETS.id,
    },
    { seedKey: PLAN_165_SEED_KEY, criteria: plan165Criteria, rounds: plan165Rounds },
  );
  return { created: true, campaignId: campaign.id };
}
