import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { roles, type Role } from '../../src/domain/access/roles.ts';
import { createTestContext, type TestClient, type TestContext } from '../support/test-app.ts';
import type { TreeResponse } from '../../src/shared/schemas/units.schema.ts';
import { multipartBody } from '../support/multipart.ts';
import { seedPlan165Campaign } from '../../src/seed/plan-165.ts';
import { randomIds } from '../../src/shared/clock.ts';

// Every API route × every role, each role scoped to one commune (06529, Lộc Bình) or one organisation, probing a
// target OUTSIDE that scope. A route without a probe here fails the test: new routes must say how they are guarded.

interface Fixture {
  ctx: TestContext;
  orgId: string;
  otherOrgId: string;
  groupId: string;
  memberId: string;
  userId: string;
  roundId: string;
  outHouseholdId: string;
  outVillage: string;
  outApplicationId: string;
  importJobId: string;
  campaignId: string;
  emulationRoundId: string;
  outRegistrationId: string;
  outInitiativeId: string;
  outModelId: string;
  outExemplarId: string;
  outFundPeriodId: string;
  outGroup2017Id: string;
}

type Probe =
  | { kind: 'forbidden'; request: (f: Fixture) => InjectOptions }
  | { kind: 'filtered'; request: (f: Fixture) => InjectOptions; check: (res: LightMyRequestResponse, f: Fixture) => void }
  | { kind: 'self'; why: string }
  | { kind: 'reference'; why: string };

const OUT = '06001'; // Xã Đoàn Kết (Tràng Định): outside Lộc Bình
const probes: Record<string, Probe> = {
  'POST /api/auth/login': { kind: 'self', why: 'public: signs the caller in' },
  'POST /api/auth/logout': { kind: 'self', why: "ends the caller's own session" },
  'GET /api/auth/me': { kind: 'self', why: "the caller's own account" },
  'POST /api/auth/password': { kind: 'self', why: "the caller's own password" },
  'GET /api/units/tree': {
    kind: 'filtered',
    request: () => ({ method: 'GET', url: '/api/units/tree?asOf=2026-11-29' }),
    check: (res) => {
      const body = res.json() as TreeResponse;
      for (const n of body.nodes) {
        if (n.inScope) expect(n.code === '06529' || n.code.startsWith('06529-')).toBe(true);
        else expect(n.code).toBe('20');
      }
    },
  },
  'GET /api/units/:code': { kind: 'forbidden', request: () => ({ method: 'GET', url: `/api/units/${OUT}` }) },
  'POST /api/units/villages': {
    kind: 'forbidden',
    request: () => ({ method: 'POST', url: '/api/units/villages', payload: { communeCode: OUT, name: 'Thôn X', kind: 'Thôn', validFrom: '2026-01-01' } }),
  },
  'POST /api/units/:code/rename': {
    kind: 'forbidden',
    request: () => ({ method: 'POST', url: `/api/units/${OUT}/rename`, payload: { name: 'Xã Đổi Tên', effectiveDate: '2026-06-01' } }),
  },
  'POST /api/units/lineage': {
    kind: 'forbidden',
    request: () => ({
      method: 'POST',
      url: '/api/units/lineage',
      payload: { kind: 'merge_partial', effectiveDate: '2026-01-01', legalBasis: 'Thử', fromCode: OUT, toCode: '06529', share: 0.5 },
    }),
  },
  'GET /api/organisations': { kind: 'reference', why: 'public bodies of the province: a reference list for every reader' },
  'POST /api/organisations': {
    kind: 'forbidden',
    request: () => ({ method: 'POST', url: '/api/organisations', payload: { name: 'Sở Mới', type: 'department', unitCode: '20', validFrom: '2026-01-01' } }),
  },
  'POST /api/organisations/:id/close': {
    kind: 'forbidden',
    request: (f) => ({ method: 'POST', url: `/api/organisations/${f.otherOrgId}/close`, payload: { validTo: '2026-06-01', reason: 'Sáp nhập' } }),
  },
  'GET /api/individuals': {
    kind: 'filtered',
    request: () => ({ method: 'GET', url: '/api/individuals' }),
    check: (res) => {
      const rows = res.json() as { fullName: string; unitCode: string | null }[];
      expect(rows.map((r) => r.fullName)).not.toContain('Cán bộ ngoài phạm vi');
    },
  },
  'POST /api/individuals': {
    kind: 'forbidden',
    request: () => ({ method: 'POST', url: '/api/individuals', payload: { fullName: 'Nguyễn Văn Ngoài', role: 'poverty_cadre', unitCode: OUT } }),
  },
  'GET /api/emulation-groups': { kind: 'reference', why: 'the clusters and blocks are published to every participant' },
  'POST /api/emulation-groups': {
    kind: 'forbidden',
    request: () => ({ method: 'POST', url: '/api/emulation-groups', payload: { year: 2019, kind: 'cluster', name: 'Cụm lạ' } }),
  },
  'POST /api/emulation-groups/:id/members': {
    kind: 'forbidden',
    request: (f) => ({ method: 'POST', url: `/api/emulation-groups/${f.groupId}/members`, payload: { unitCode: OUT } }),
  },
  'DELETE /api/emulation-groups/:id/members/:memberId': {
    kind: 'forbidden',
    request: (f) => ({ method: 'DELETE', url: `/api/emulation-groups/${f.groupId}/members/${f.memberId}` }),
  },
  'GET /api/users': { kind: 'forbidden', request: () => ({ method: 'GET', url: '/api/users' }) },
  'POST /api/users': {
    kind: 'forbidden',
    request: () => ({ method: 'POST', url: '/api/users', payload: { username: 'moi.tao', fullName: 'Mới', password: 'MatKhau-123', assignments: [{ role: 'admin', unitCode: '20' }] } }),
  },
  'PATCH /api/users/:id': { kind: 'forbidden', request: (f) => ({ method: 'PATCH', url: `/api/users/${f.userId}`, payload: { active: false } }) },
  'PUT /api/users/:id/assignments': {
    kind: 'forbidden',
    request: (f) => ({ method: 'PUT', url: `/api/users/${f.userId}/assignments`, payload: { assignments: [{ role: 'admin', unitCode: '20' }] } }),
  },
  'POST /api/users/:id/password': { kind: 'forbidden', request: (f) => ({ method: 'POST', url: `/api/users/${f.userId}/password`, payload: { password: 'MatKhau-456' } }) },
  'GET /api/audit': { kind: 'forbidden', request: () => ({ method: 'GET', url: '/api/audit' }) },
  'GET /api/households': {
    kind: 'filtered',
    request: () => ({ method: 'GET', url: '/api/households' }),
    check: (res) => {
      const rows = res.json().rows as { code: string }[];
      expect(rows.map((r) => r.code)).not.toContain('NGOAI-1');
    },
  },
  'GET /api/households/:id': { kind: 'forbidden', request: (f) => ({ method: 'GET', url: `/api/households/${f.outHouseholdId}` }) },
  'POST /api/households': {
    kind: 'forbidden',
    request: (f) => ({ method: 'POST', url: '/api/households', payload: { code: 'NGOAI-2', headName: 'Lạ', villageCode: f.outVillage, area: 'rural', members: [{ fullName: 'Lạ', birthYear: 1990, sex: 'male', relation: 'Chủ hộ' }] } }),
  },
  'PATCH /api/households/:id': { kind: 'forbidden', request: (f) => ({ method: 'PATCH', url: `/api/households/${f.outHouseholdId}`, payload: { headName: 'Đổi', version: 1 } }) },
  'POST /api/households/:id/move': { kind: 'forbidden', request: (f) => ({ method: 'POST', url: `/api/households/${f.outHouseholdId}/move`, payload: { villageCode: f.outVillage, effectiveDate: '2026-06-01', reason: 'Chuyển' } }) },
  'POST /api/households/:id/loans': {
    kind: 'forbidden',
    request: (f) => ({ method: 'POST', url: `/api/households/${f.outHouseholdId}/loans`, payload: { amount: 1000000, purpose: 'Chăn nuôi', disbursedOn: '2025-01-01', dueOn: '2027-01-01', usedAsIntended: true, interestOnTime: true, principalOnTime: true } }),
  },
  'POST /api/households/:id/escape-registrations': { kind: 'forbidden', request: (f) => ({ method: 'POST', url: `/api/households/${f.outHouseholdId}/escape-registrations`, payload: { year: 2026, registeredOn: '2026-03-01' } }) },
  'POST /api/households/:id/split': {
    kind: 'forbidden',
    request: (f) => ({ method: 'POST', url: `/api/households/${f.outHouseholdId}/split`, payload: { newCode: 'X', headName: 'X', memberIds: [f.groupId], effectiveDate: '2026-01-01', reason: 'x' } }),
  },
  'POST /api/households/:id/merge': {
    kind: 'forbidden',
    request: (f) => ({ method: 'POST', url: `/api/households/${f.outHouseholdId}/merge`, payload: { intoHouseholdId: f.groupId, effectiveDate: '2026-01-01', reason: 'x' } }),
  },
  'POST /api/households/:id/applications': { kind: 'forbidden', request: (f) => ({ method: 'POST', url: `/api/households/${f.outHouseholdId}/applications`, payload: { kind: 'enter_poor', appliedOn: '2026-11-02' } }) },
  'POST /api/applications/:id/decision': { kind: 'forbidden', request: (f) => ({ method: 'POST', url: `/api/applications/${f.outApplicationId}/decision`, payload: { outcome: 'accepted', decidedOn: '2026-11-03' } }) },
  'GET /api/applications': {
    kind: 'filtered',
    request: () => ({ method: 'GET', url: '/api/applications' }),
    check: (res) => expect((res.json() as { householdCode: string }[]).map((a) => a.householdCode)).not.toContain('NGOAI-1'),
  },
  'GET /api/imports/template': { kind: 'reference', why: 'the empty template holds no data' },
  'POST /api/imports': { kind: 'self', why: "creates the caller's own job; rows of villages outside the scope are refused row by row (tests/db/imports.test.ts)" },
  'GET /api/imports/:id': { kind: 'forbidden', request: (f) => ({ method: 'GET', url: `/api/imports/${f.importJobId}` }) },
  'POST /api/imports/:id/commit': { kind: 'forbidden', request: (f) => ({ method: 'POST', url: `/api/imports/${f.importJobId}/commit` }) },
  'POST /api/imports/:id/discard': { kind: 'forbidden', request: (f) => ({ method: 'POST', url: `/api/imports/${f.importJobId}/discard` }) },

  // Statistics: every figure route refuses a unit outside the caller's scope; the public ones are public.
  'GET /api/stats/rounds/:year/units/:code': { kind: 'forbidden', request: () => ({ method: 'GET', url: `/api/stats/rounds/2026/units/${OUT}` }) },
  'GET /api/stats/rounds/:year/units/:code/export': { kind: 'forbidden', request: () => ({ method: 'GET', url: `/api/stats/rounds/2026/units/${OUT}/export` }) },
  'GET /api/stats/trend': { kind: 'forbidden', request: () => ({ method: 'GET', url: `/api/stats/trend?unitCode=${OUT}` }) },
  'GET /api/stats/trend/export': { kind: 'forbidden', request: () => ({ method: 'GET', url: `/api/stats/trend/export?unitCode=${OUT}` }) },
  'GET /api/stats/attainment': { kind: 'forbidden', request: () => ({ method: 'GET', url: `/api/stats/attainment?year=2026&level=commune&unitCode=${OUT}` }) },
  'GET /api/stats/attainment/export': { kind: 'forbidden', request: () => ({ method: 'GET', url: `/api/stats/attainment/export?year=2026&level=commune&unitCode=${OUT}` }) },
  'GET /api/stats/on-units': { kind: 'forbidden', request: () => ({ method: 'GET', url: `/api/stats/on-units?year=2026&level=commune&unitCode=${OUT}` }) },
  'GET /api/stats/on-units/export': { kind: 'forbidden', request: () => ({ method: 'GET', url: `/api/stats/on-units/export?year=2026&level=commune&unitCode=${OUT}` }) },
  'GET /api/stats/af': { kind: 'forbidden', request: () => ({ method: 'GET', url: `/api/stats/af?year=2026&unitCode=${OUT}` }) },
  'GET /api/stats/af/export': { kind: 'forbidden', request: () => ({ method: 'GET', url: `/api/stats/af/export?year=2026&unitCode=${OUT}` }) },
  'GET /api/stats/compare': { kind: 'forbidden', request: () => ({ method: 'GET', url: `/api/stats/compare?unitCode=${OUT}&yearA=2025&yearB=2026` }) },
  'GET /api/stats/compare/export': { kind: 'forbidden', request: () => ({ method: 'GET', url: `/api/stats/compare/export?unitCode=${OUT}&yearA=2025&yearB=2026` }) },
  'GET /api/public/communes': { kind: 'reference', why: 'public page: aggregated rates, cells under 5 households suppressed (tests/db/stats-api.test.ts)' },
  'GET /api/public/communes/export': { kind: 'reference', why: 'public page export, same data' },
  'GET /api/public/geo/:layer': { kind: 'reference', why: 'public boundary files' },
  // Reports: each route is probed role by role against an out-of-scope unit and organisation, with the audit log
  // checked unchanged, in tests/db/reports-api.test.ts (it needs that file's request fixtures).
  'GET /api/reports/templates': { kind: 'self', why: 'tests/db/reports-api.test.ts' },
  'POST /api/reports/templates': { kind: 'self', why: 'tests/db/reports-api.test.ts' },
  'POST /api/reports/requests': { kind: 'self', why: 'tests/db/reports-api.test.ts' },
  'GET /api/reports/requests': { kind: 'self', why: 'tests/db/reports-api.test.ts' },
  'GET /api/reports/overview': { kind: 'self', why: 'tests/db/reports-api.test.ts' },
  'GET /api/reports/requests/:id': { kind: 'self', why: 'tests/db/reports-api.test.ts' },
  'GET /api/reports/requests/:id/timeliness': { kind: 'self', why: 'tests/db/reports-api.test.ts' },
  'GET /api/reports/timeliness': { kind: 'self', why: 'tests/db/reports-api.test.ts' },
  'GET /api/reports/inbox': { kind: 'self', why: 'tests/db/reports-api.test.ts' },
  'GET /api/reports/submissions/:id': { kind: 'self', why: 'tests/db/reports-api.test.ts' },
  'PUT /api/reports/submissions/:id/content': { kind: 'self', why: 'tests/db/reports-api.test.ts' },
  'POST /api/reports/submissions/:id/submit': { kind: 'self', why: 'tests/db/reports-api.test.ts' },
  'POST /api/reports/submissions/:id/return': { kind: 'self', why: 'tests/db/reports-api.test.ts' },
  'POST /api/reports/submissions/:id/approve': { kind: 'self', why: 'tests/db/reports-api.test.ts' },
  'POST /api/reports/submissions/:id/revoke': { kind: 'self', why: 'tests/db/reports-api.test.ts' },
  'POST /api/reports/requests/:id/approve-many': { kind: 'self', why: 'tests/db/reports-api.test.ts' },
  'GET /api/reports/requests/:id/consolidation': { kind: 'self', why: 'tests/db/reports-api.test.ts' },
  'PUT /api/reports/requests/:id/consolidation': { kind: 'self', why: 'tests/db/reports-api.test.ts' },
  'GET /api/reports/requests/:id/consolidation.docx': { kind: 'self', why: 'tests/db/reports-api.test.ts' },
  'GET /api/reports/requests/:id/consolidation.pdf': { kind: 'self', why: 'tests/db/reports-api.test.ts' },
  'GET /api/reports/requests/:id/consolidation.xlsx': { kind: 'self', why: 'tests/db/reports-api.test.ts' },
  'GET /api/reports/requests/:id/to-trinh.docx': { kind: 'self', why: 'tests/db/reports-api.test.ts' },
  'GET /api/reports/submissions/:id/report.docx': { kind: 'self', why: 'tests/db/reports-api.test.ts' },
  'GET /api/reports/submissions/:id/tables.xlsx': { kind: 'self', why: 'tests/db/reports-api.test.ts' },
  'GET /api/reports/documents/plan-165.docx': { kind: 'self', why: 'tests/db/reports-api.test.ts' },
  'GET /api/reports/documents/round-meeting.docx': { kind: 'self', why: 'tests/db/reports-api.test.ts' },
  // Awards: each route is probed role by role against a batch, nominee, comment and award outside the caller's scope,
  // with the audit log checked unchanged, in tests/db/awards-access.test.ts (it needs that file's nomination fixtures).
  'GET /api/awards/catalogue': { kind: 'reference', why: 'the award forms, authorities and thresholds: reference data' },
  'GET /api/awards/rounds': { kind: 'reference', why: 'the campaign rounds (names and years) hold no personal data' },
  'GET /api/awards/batches': { kind: 'self', why: 'tests/db/awards-access.test.ts' },
  'POST /api/awards/batches': { kind: 'self', why: 'tests/db/awards-access.test.ts' },
  'GET /api/awards/queue': { kind: 'self', why: 'tests/db/awards-access.test.ts' },
  'GET /api/awards/batches/:id': { kind: 'self', why: 'tests/db/awards-access.test.ts' },
  'POST /api/awards/batches/:id/nominees': { kind: 'self', why: 'tests/db/awards-access.test.ts' },
  'PATCH /api/awards/nominees/:id': { kind: 'self', why: 'tests/db/awards-access.test.ts' },
  'DELETE /api/awards/nominees/:id': { kind: 'self', why: 'tests/db/awards-access.test.ts' },
  'POST /api/awards/batches/:id/check': { kind: 'self', why: 'tests/db/awards-access.test.ts' },
  'PUT /api/awards/batches/:id/dossier': { kind: 'self', why: 'tests/db/awards-access.test.ts' },
  'POST /api/awards/batches/:id/submit': { kind: 'self', why: 'tests/db/awards-access.test.ts' },
  'POST /api/awards/batches/:id/return': { kind: 'self', why: 'tests/db/awards-access.test.ts' },
  'POST /api/awards/batches/:id/approve': { kind: 'self', why: 'tests/db/awards-access.test.ts' },
  'POST /api/awards/batches/:id/revoke': { kind: 'self', why: 'tests/db/awards-access.test.ts' },
  'POST /api/awards/batches/:id/publish': { kind: 'self', why: 'tests/db/awards-access.test.ts' },
  'POST /api/awards/batches/:id/council': { kind: 'self', why: 'tests/db/awards-access.test.ts' },
  'POST /api/awards/batches/:id/decision': { kind: 'self', why: 'tests/db/awards-access.test.ts' },
  'GET /api/awards/batches/:id/comments': { kind: 'self', why: 'tests/db/awards-access.test.ts' },
  'POST /api/awards/comments/:id/answer': { kind: 'self', why: 'tests/db/awards-access.test.ts' },
  'GET /api/awards/registry': { kind: 'self', why: 'tests/db/awards-access.test.ts' },
  'GET /api/awards/batches/:id/to-trinh.docx': { kind: 'self', why: 'tests/db/awards-access.test.ts' },
  'GET /api/awards/batches/:id/minutes.docx': { kind: 'self', why: 'tests/db/awards-access.test.ts' },
  'GET /api/awards/batches/:id/council-minutes.docx': { kind: 'self', why: 'tests/db/awards-access.test.ts' },
  'GET /api/awards/batches/:id/decision.docx': { kind: 'self', why: 'tests/db/awards-access.test.ts' },
  'GET /api/awards/nominees/:id/achievement-report.docx': { kind: 'self', why: 'tests/db/awards-access.test.ts' },
  'GET /api/awards/registry/:id/certificate.pdf': { kind: 'self', why: 'tests/db/awards-access.test.ts' },
  'GET /api/public/awards': { kind: 'reference', why: 'public page: names and places of State-level nominees in their comment period, no personal details (tests/db/awards-access.test.ts)' },
  'POST /api/public/awards/:id/comments': { kind: 'reference', why: 'public: anyone may comment while a list is open (tests/db/awards-access.test.ts)' },
  'GET /api/rounds': { kind: 'reference', why: 'the list of rounds (year, standard, state) holds no personal data' },
  'POST /api/rounds': { kind: 'forbidden', request: () => ({ method: 'POST', url: '/api/rounds', payload: { year: 2027, openedOn: '2027-09-01' } }) },
  'GET /api/rounds/:id/figures': { kind: 'forbidden', request: (f) => ({ method: 'GET', url: `/api/rounds/${f.roundId}/figures?unitCode=${OUT}` }) },
  'POST /api/rounds/:id/freeze': { kind: 'forbidden', request: (f) => ({ method: 'POST', url: `/api/rounds/${f.roundId}/freeze`, payload: { decisionNumber: '1/QĐ-UBND', decisionDate: '2026-12-01' } }) },
  'GET /api/rounds/:id/communes': {
    kind: 'filtered',
    request: (f) => ({ method: 'GET', url: `/api/rounds/${f.roundId}/communes` }),
    check: (res) => expect((res.json() as { code: string }[]).map((c) => c.code)).toEqual(['06529']),
  },
  'GET /api/rounds/:id/communes/:code': { kind: 'forbidden', request: (f) => ({ method: 'GET', url: `/api/rounds/${f.roundId}/communes/${OUT}` }) },
  'POST /api/rounds/:id/communes/:code/actions': { kind: 'forbidden', request: (f) => ({ method: 'POST', url: `/api/rounds/${f.roundId}/communes/${OUT}/actions`, payload: { type: 'draft_lists' } }) },
  'PUT /api/rounds/:id/households/:householdId/assessment': {
    kind: 'forbidden',
    request: (f) => ({ method: 'PUT', url: `/api/rounds/${f.roundId}/households/${f.outHouseholdId}/assessment`, payload: { incomePerCapita: 1000000 } }),
  },
  'GET /api/rounds/:id/export': { kind: 'forbidden', request: (f) => ({ method: 'GET', url: `/api/rounds/${f.roundId}/export?unitCode=${OUT}&list=poor` }) },

  // Emulation: campaign management is the provincial board's (a commune-scoped board member is refused); everything
  // else is checked against the participant's unit or organisation. The campaign list is the published plan.
  'GET /api/emulation/campaigns': { kind: 'reference', why: 'the campaigns, their criteria and rounds are the published plan' },
  'GET /api/emulation/campaigns/:id': { kind: 'reference', why: 'the campaigns, their criteria and rounds are the published plan' },
  'POST /api/emulation/campaigns': { kind: 'forbidden', request: () => ({ method: 'POST', url: '/api/emulation/campaigns', payload: { name: 'Phong trào thử', legalBasis: 'Kế hoạch thử', periodFrom: 2021, periodTo: 2025, participantTypes: ['commune'], targetRuleSetId: 'plan-165-2017' } }) },
  'PATCH /api/emulation/campaigns/:id': { kind: 'forbidden', request: (f) => ({ method: 'PATCH', url: `/api/emulation/campaigns/${f.campaignId}`, payload: { name: 'Đổi tên' } }) },
  'POST /api/emulation/campaigns/:id/copy': { kind: 'forbidden', request: (f) => ({ method: 'POST', url: `/api/emulation/campaigns/${f.campaignId}/copy`, payload: { name: 'Bản sao', periodFrom: 2021, periodTo: 2025 } }) },
  'PUT /api/emulation/campaigns/:id/criteria/:participantType': { kind: 'forbidden', request: (f) => ({ method: 'PUT', url: `/api/emulation/campaigns/${f.campaignId}/criteria/commune`, payload: { criteria: [{ code: '3.1', text: 'Thử', kind: 'council', maxPoints: 10 }] } }) },
  'POST /api/emulation/campaigns/:id/rounds': { kind: 'forbidden', request: (f) => ({ method: 'POST', url: `/api/emulation/campaigns/${f.campaignId}/rounds`, payload: { kind: 'annual', name: 'Đánh giá thử', year: 2019, measureFromYear: 2019, measureToYear: 2019, selfAssessmentFrom: '2019-12-01', selfAssessmentTo: '2019-12-15', verificationUntil: '2019-12-25', councilScoringOn: '2020-01-05', publicationOn: '2020-01-10' } }) },
  'PATCH /api/emulation/rounds/:id': { kind: 'forbidden', request: (f) => ({ method: 'PATCH', url: `/api/emulation/rounds/${f.emulationRoundId}`, payload: { name: 'Đổi tên đợt' } }) },
  'GET /api/emulation/campaigns/:id/unit-targets': { kind: 'filtered', request: (f) => ({ method: 'GET', url: `/api/emulation/campaigns/${f.campaignId}/unit-targets` }), check: (res) => expect(JSON.stringify(res.json())).not.toContain(OUT) },
  'PUT /api/emulation/campaigns/:id/unit-targets': { kind: 'forbidden', request: (f) => ({ method: 'PUT', url: `/api/emulation/campaigns/${f.campaignId}/unit-targets`, payload: { unitCode: OUT, year: 2018, requiredReduction: 1, reason: 'Thử' } }) },
  'POST /api/emulation/rounds/:id/registrations': { kind: 'forbidden', request: (f) => ({ method: 'POST', url: `/api/emulation/rounds/${f.emulationRoundId}/registrations`, payload: { participantType: 'commune', participant: { kind: 'unit', unitCode: OUT }, pledges: ['Giảm 3% hộ nghèo'] } }) },
  'GET /api/emulation/rounds/:id/registrations': { kind: 'filtered', request: (f) => ({ method: 'GET', url: `/api/emulation/rounds/${f.emulationRoundId}/registrations` }), check: (res, f) => expect(res.body).not.toContain(f.outRegistrationId) },
  'POST /api/emulation/rounds/:id/joint-pledges': { kind: 'forbidden', request: (f) => ({ method: 'POST', url: `/api/emulation/rounds/${f.emulationRoundId}/joint-pledges`, payload: { groupId: f.outGroup2017Id, signedOn: '2017-03-01', pledges: ['Thi đua giảm nghèo'], signatories: [{ name: 'Người ký', position: 'Chủ tịch', memberName: 'Huyện Cao Lộc' }] } }) },
  'GET /api/emulation/rounds/:id/joint-pledges': { kind: 'reference', why: 'joint pledges are public commitments of clusters and blocks (signatories by name and position)' },
  'POST /api/emulation/registrations/:id/files': { kind: 'forbidden', request: (f) => ({ method: 'POST', url: `/api/emulation/registrations/${f.outRegistrationId}/files`, ...multipartBody({}, { name: 'file', filename: 'a.pdf', content: Buffer.from('%PDF-1.4\\n') }) }) },
  'GET /api/emulation/files/:id': { kind: 'self', why: 'tests/db/emulation-api.test.ts (another focal point is refused the file)' },
  'PUT /api/emulation/registrations/:id/scores/:code/self': { kind: 'forbidden', request: (f) => ({ method: 'PUT', url: `/api/emulation/registrations/${f.outRegistrationId}/scores/3.1/self`, payload: { points: 1, evidence: [{ kind: 'file', fileId: '00000000-0000-4000-8000-000000000000' }] } }) },
  'POST /api/emulation/registrations/:id/scores/:code/verify': { kind: 'forbidden', request: (f) => ({ method: 'POST', url: `/api/emulation/registrations/${f.outRegistrationId}/scores/3.1/verify`, payload: { decision: 'accept' } }) },
  'PUT /api/emulation/registrations/:id/scores/:code/council': { kind: 'forbidden', request: (f) => ({ method: 'PUT', url: `/api/emulation/registrations/${f.outRegistrationId}/scores/3.1/council`, payload: { points: 1 } }) },
  'POST /api/emulation/registrations/:id/scores/:code/adjust': { kind: 'forbidden', request: (f) => ({ method: 'POST', url: `/api/emulation/registrations/${f.outRegistrationId}/scores/3.1/adjust`, payload: { points: 1, reason: 'Thử' } }) },
  'GET /api/emulation/registrations/:id/score-sheet': { kind: 'forbidden', request: (f) => ({ method: 'GET', url: `/api/emulation/registrations/${f.outRegistrationId}/score-sheet` }) },
  'GET /api/emulation/registrations/:id/score-sheet.xlsx': { kind: 'forbidden', request: (f) => ({ method: 'GET', url: `/api/emulation/registrations/${f.outRegistrationId}/score-sheet.xlsx` }) },
  'GET /api/emulation/rounds/:id/verification-queue': { kind: 'forbidden', request: (f) => ({ method: 'GET', url: `/api/emulation/rounds/${f.emulationRoundId}/verification-queue` }) },
  'POST /api/emulation/rounds/:id/recompute': { kind: 'forbidden', request: (f) => ({ method: 'POST', url: `/api/emulation/rounds/${f.emulationRoundId}/recompute` }) },
  'POST /api/emulation/rounds/:id/publish': { kind: 'forbidden', request: (f) => ({ method: 'POST', url: `/api/emulation/rounds/${f.emulationRoundId}/publish` }) },
  'GET /api/emulation/rounds/:id/rankings': { kind: 'forbidden', request: (f) => ({ method: 'GET', url: `/api/emulation/rounds/${f.emulationRoundId}/rankings` }) },
  'GET /api/emulation/rounds/:id/results.xlsx': { kind: 'forbidden', request: (f) => ({ method: 'GET', url: `/api/emulation/rounds/${f.emulationRoundId}/results.xlsx` }) },
  'GET /api/emulation/initiatives': { kind: 'reference', why: 'recognised initiatives are published (author, unit, level)' },
  'POST /api/emulation/initiatives': { kind: 'forbidden', request: () => ({ method: 'POST', url: '/api/emulation/initiatives', payload: { title: 'Sáng kiến thử', authorName: 'Người thử', unitCode: OUT, recognisedOn: '2018-01-01', recognisedLevel: 'district' } }) },
  'PUT /api/emulation/initiatives/:id': { kind: 'forbidden', request: (f) => ({ method: 'PUT', url: `/api/emulation/initiatives/${f.outInitiativeId}`, payload: { title: 'Sáng kiến thử', authorName: 'Người thử', unitCode: OUT, recognisedOn: '2018-01-01', recognisedLevel: 'district' } }) },
  'DELETE /api/emulation/initiatives/:id': { kind: 'forbidden', request: (f) => ({ method: 'DELETE', url: `/api/emulation/initiatives/${f.outInitiativeId}` }) },
  'GET /api/emulation/models': { kind: 'reference', why: 'poverty-reduction models are published (where started and replicated)' },
  'POST /api/emulation/models': { kind: 'forbidden', request: () => ({ method: 'POST', url: '/api/emulation/models', payload: { name: 'Mô hình thử', startedUnitCode: OUT, startedOn: '2018-01-01', householdsReached: 3 } }) },
  'PUT /api/emulation/models/:id': { kind: 'forbidden', request: (f) => ({ method: 'PUT', url: `/api/emulation/models/${f.outModelId}`, payload: { name: 'Mô hình thử', startedUnitCode: OUT, startedOn: '2018-01-01', householdsReached: 3 } }) },
  'DELETE /api/emulation/models/:id': { kind: 'forbidden', request: (f) => ({ method: 'DELETE', url: `/api/emulation/models/${f.outModelId}` }) },
  'GET /api/emulation/exemplars': { kind: 'reference', why: 'advanced examples are published stories (households by name only with their consent, checked in the emulation tests)' },
  'GET /api/emulation/exemplars/:id': { kind: 'reference', why: 'advanced examples are published stories' },
  'POST /api/emulation/exemplars': { kind: 'forbidden', request: () => ({ method: 'POST', url: '/api/emulation/exemplars', payload: { kind: 'collective', name: 'Tập thể thử', unitCode: OUT, year: 2018, story: 'Câu chuyện thử' } }) },
  'PUT /api/emulation/exemplars/:id': { kind: 'forbidden', request: (f) => ({ method: 'PUT', url: `/api/emulation/exemplars/${f.outExemplarId}`, payload: { kind: 'collective', name: 'Tập thể thử', unitCode: OUT, year: 2018, story: 'Câu chuyện thử' } }) },
  'DELETE /api/emulation/exemplars/:id': { kind: 'forbidden', request: (f) => ({ method: 'DELETE', url: `/api/emulation/exemplars/${f.outExemplarId}` }) },
  // The Fund for the Poor of a Fatherland Front level outside the caller's scope; the public pages name no beneficiary.
  'GET /api/fund/levels/:unitCode/periods': { kind: 'forbidden', request: () => ({ method: 'GET', url: `/api/fund/levels/${OUT}/periods` }) },
  'POST /api/fund/levels/:unitCode/periods': { kind: 'forbidden', request: () => ({ method: 'POST', url: `/api/fund/levels/${OUT}/periods`, payload: { year: 2019 } }) },
  'POST /api/fund/levels/:unitCode/contributions': { kind: 'forbidden', request: () => ({ method: 'POST', url: `/api/fund/levels/${OUT}/contributions`, payload: { donorName: 'Nhà hảo tâm', donorKind: 'individual', agreesToBeNamed: false, form: 'cash', value: 1000000, receivedOn: '2017-11-01', receiptNumber: 'T-1' } }) },
  'POST /api/fund/levels/:unitCode/direct-gifts': { kind: 'forbidden', request: (f) => ({ method: 'POST', url: `/api/fund/levels/${OUT}/direct-gifts`, payload: { donorName: 'Nhà hảo tâm', agreesToBeNamed: false, householdId: f.outHouseholdId, form: 'cash', value: 1000000, givenOn: '2017-11-01', reportedOn: '2017-11-02', purpose: 'relief' } }) },
  'POST /api/fund/levels/:unitCode/disbursements': { kind: 'forbidden', request: (f) => ({ method: 'POST', url: `/api/fund/levels/${OUT}/disbursements`, payload: { beneficiaryKind: 'household', householdId: f.outHouseholdId, purpose: 'housing', value: 1000000, disbursedOn: '2017-12-01' } }) },
  'GET /api/fund/levels/:unitCode/entries': { kind: 'forbidden', request: () => ({ method: 'GET', url: `/api/fund/levels/${OUT}/entries` }) },
  'GET /api/fund/levels/:unitCode/balances': { kind: 'forbidden', request: () => ({ method: 'GET', url: `/api/fund/levels/${OUT}/balances` }) },
  'POST /api/fund/support-activities': { kind: 'forbidden', request: () => ({ method: 'POST', url: '/api/fund/support-activities', payload: { supporter: { kind: 'unit', unitCode: OUT }, targetKind: 'unit', targetUnitCode: OUT, kind: 'training', quantity: 20, occurredOn: '2018-01-01', description: 'Tập huấn' } }) },
  'GET /api/fund/support-activities': { kind: 'filtered', request: () => ({ method: 'GET', url: '/api/fund/support-activities' }), check: (res) => expect(res.body).not.toContain(OUT) },
  'GET /api/public/fund/levels': { kind: 'reference', why: 'public list of fund levels (unit codes and names only) (tests/db/fund-ledger.test.ts)' },
  'GET /api/public/fund/levels/:unitCode/periods': { kind: 'reference', why: 'public disclosure: totals and named donors, no beneficiary (tests/db/fund-ledger.test.ts)' },
  'GET /api/public/fund/levels/:unitCode/periods/:periodId': { kind: 'reference', why: 'public disclosure: totals and named donors, no beneficiary (tests/db/fund-ledger.test.ts)' },
  // Operations: a backup holds every record, so only the province's administrator may take one.
  'POST /api/system/backup': { kind: 'forbidden', request: () => ({ method: 'POST', url: '/api/system/backup', payload: { note: 'Thử' } }) },
};

let f: Fixture;
const clients = new Map<Role, TestClient>();

beforeAll(async () => {
  const ctx = await createTestContext();
  const admin = await ctx.userWith('admin', { unitCode: '20' });
  const orgs = (await admin.get('/api/organisations')).json() as { id: string; name: string }[];
  const orgId = orgs.find((o) => o.name === 'Sở Lao động - Thương binh và Xã hội')!.id;
  const otherOrgId = orgs.find((o) => o.name === 'Sở Y tế')!.id;
  const group = (await admin.post('/api/emulation-groups', { year: 2019, kind: 'cluster', name: 'Cụm số 9' })).json() as { id: string };
  const member = (await admin.post(`/api/emulation-groups/${group.id}/members`, { unitCode: '188' })).json() as { id: string };
  await admin.post('/api/individuals', { fullName: 'Cán bộ ngoài phạm vi', role: 'poverty_cadre', unitCode: OUT });
  const users = (await admin.get('/api/users')).json() as { id: string }[];
  await admin.post('/api/rounds', { year: 2025, openedOn: '2025-09-01' });
  const round = (await admin.post('/api/rounds', { year: 2026, openedOn: '2026-09-01' })).json() as { id: string };
  const outVillage = ((await admin.post('/api/units/villages', { communeCode: OUT, name: 'Thôn Ngoài', kind: 'Thôn', validFrom: '2026-01-01' })).json() as { code: string }).code;
  const out = await admin.post('/api/households', { code: 'NGOAI-1', headName: 'Hộ Ngoài Phạm Vi', villageCode: outVillage, area: 'rural', members: [{ fullName: 'Hộ Ngoài Phạm Vi', birthYear: 1970, sex: 'male', relation: 'Chủ hộ' }] });
  const outHouseholdId = (out.json() as { id: string }).id;
  const outApplicationId = ((await admin.post(`/api/households/${outHouseholdId}/applications`, { kind: 'enter_poor', appliedOn: '2026-11-02' })).json() as { id: string }).id;
  const upload = multipartBody({ roundYear: '2026' }, { name: 'file', filename: 'x.xlsx', content: Buffer.from('not a workbook') });
  const importJobId = ((await admin.request({ method: 'POST', url: '/api/imports', payload: upload.payload, headers: upload.headers })).json() as { id: string }).id;
  // Emulation and fund records of the out-of-scope commune, written by the provincial board.
  const campaignId = (await seedPlan165Campaign(ctx.testDb.database.db, { clock: ctx.clock, ids: randomIds, provinceCode: '20' })).campaignId;
  const board = await ctx.userWith('emulation_board', { unitCode: '20' });
  const campaign = (await board.get(`/api/emulation/campaigns/${campaignId}`)).json() as { rounds: { id: string; name: string }[] };
  const emulationRoundId = campaign.rounds.find((r) => r.name === 'Đánh giá năm 2017')!.id;
  const created = async (url: string, payload: object) => {
    const res = await board.post(url, payload);
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return (res.json() as { id: string }).id;
  };
  const outGroup2017Id = ((await admin.post('/api/emulation-groups', { year: 2017, kind: 'cluster', name: 'Cụm Tràng Định 2017' })).json() as { id: string }).id;
  await admin.post(`/api/emulation-groups/${outGroup2017Id}/members`, { unitCode: OUT });
  const outRegistrationId = await created(`/api/emulation/rounds/${emulationRoundId}/registrations`, { participantType: 'commune', participant: { kind: 'unit', unitCode: OUT }, registeredOn: '2017-02-10', pledges: ['Giảm 3% hộ nghèo'] });
  const outInitiativeId = await created('/api/emulation/initiatives', { title: 'Sáng kiến ngoài phạm vi', authorName: 'Người ngoài', unitCode: OUT, recognisedOn: '2018-01-01', recognisedLevel: 'district' });
  const outModelId = await created('/api/emulation/models', { name: 'Mô hình ngoài phạm vi', startedUnitCode: OUT, startedOn: '2018-01-01', householdsReached: 3 });
  const outExemplarId = await created('/api/emulation/exemplars', { kind: 'collective', name: 'Tập thể ngoài phạm vi', unitCode: OUT, year: 2018, story: 'Câu chuyện' });
  const fundAdmin = await ctx.userWith('commune_officer', { unitCode: OUT });
  const period = await fundAdmin.post(`/api/fund/levels/${OUT}/periods`, { year: 2017 });
  if (period.statusCode !== 200) throw new Error(`fund period: ${period.statusCode} ${period.body}`);
  const outFundPeriodId = (period.json() as { id: string }).id;
  const support = await fundAdmin.post('/api/fund/support-activities', { supporter: { kind: 'unit', unitCode: OUT }, targetKind: 'unit', targetUnitCode: OUT, kind: 'training', quantity: 20, occurredOn: '2018-01-01', description: 'Tập huấn ngoài phạm vi' });
  if (support.statusCode !== 200) throw new Error(`support activity: ${support.statusCode} ${support.body}`);
  f = { ctx, orgId, otherOrgId, groupId: group.id, memberId: member.id, userId: users[0]!.id, roundId: round.id, outHouseholdId, outVillage, outApplicationId, importJobId, campaignId, emulationRoundId, outRegistrationId, outInitiativeId, outModelId, outExemplarId, outFundPeriodId, outGroup2017Id };
  for (const role of roles) {
    clients.set(role, await ctx.userWith(role, role === 'org_focal_point' ? { organisationId: orgId } : { unitCode: '06529' }));
  }
});
afterAll(async () => f.ctx.close());

describe('route permissions', () => {
  it('every API route declares the permission it needs', () => {
    const api = f.ctx.built.routes.filter((r) => r.url.startsWith('/api/'));
    expect(api.length).toBeGreaterThan(15);
    const missing = api.filter((r) => !r.permission).map((r) => `${r.method} ${r.url}`);
    expect(missing).toEqual([]);
  });

  it('every API route has a probe in the access matrix', () => {
    const api = f.ctx.built.routes.filter((r) => r.url.startsWith('/api/')).map((r) => `${r.method} ${r.url}`);
    expect(api.filter((k) => !(k in probes))).toEqual([]);
  });
});

describe.each(roles.map((r) => [r]))('role %s scoped to one commune or organisation', (role) => {
  it('cannot read or write outside its scope', async () => {
    const client = clients.get(role)!;
    const auditBefore = await f.ctx.testDb.database.query<{ n: number }>('select count(*)::int as n from audit_log');
    for (const [key, probe] of Object.entries(probes)) {
      if (probe.kind === 'self' || probe.kind === 'reference') continue;
      const res = await client.request(probe.request(f));
      if (probe.kind === 'forbidden') {
        expect([401, 403], `${role} ${key} → ${res.statusCode} ${res.body.slice(0, 200)}`).toContain(res.statusCode);
      } else if (res.statusCode === 200) {
        probe.check(res, f);
      } else {
        expect(res.statusCode, `${role} ${key}`).toBe(403);
      }
    }
    const auditAfter = await f.ctx.testDb.database.query<{ n: number }>('select count(*)::int as n from audit_log');
    expect(auditAfter[0]!.n).toBe(auditBefore[0]!.n);
  });
});
