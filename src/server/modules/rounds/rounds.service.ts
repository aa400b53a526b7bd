import type { Db, Executor } from '../../../db/client.ts';
import type { Clock, IdGenerator } from '../../../shared/clock.ts';
import type { Principal } from '../../../domain/access/authorize.ts';
import { hasPermission } from '../../../domain/access/authorize.ts';
import {
  applyRoundAction,
  assessmentEditMode,
  communeRoundStateLabels,
  type CommuneRoundState,
  type RoundAction,
  type RoundSteps,
} from '../../../domain/review/round-workflow.ts';
import { standardById, standardForReviewYear, type PovertyCategory } from '../../../domain/poverty/index.ts';
import type { UnitDirectory } from '../../../domain/units/unit-directory.ts';
import type { CommuneRoundDto, FiguresDto, RoundActionBody, RoundCommuneStateDto, RoundDto } from '../../../shared/schemas/rounds.schema.ts';
import type { AssessmentInput } from '../../../shared/schemas/households.schema.ts';
import { compareVi } from '../../../shared/vi-text.ts';
import { AppError } from '../../errors.ts';
import { recordAudit, type Actor } from '../audit/audit.ts';
import type { ScopeChecker, UnitsCatalog } from '../units/units.service.ts';
import * as hhRepo from '../households/households.repository.ts';
import * as repo from './rounds.repository.ts';
import { assessHousehold } from './assess-household.ts';

export interface RoundsDeps {
  db: Db;
  clock: Clock;
  ids: IdGenerator;
  provinceCode: string;
  catalog: UnitsCatalog;
  scope: ScopeChecker;
  /** Minimum public posting period in working days (TT 17/2016: 3 working days; configurable). */
  postingWorkingDays?: number;
  /** Called after a round's figures change (state change or amendment), e.g. to recompute stored aggregates. */
  onFiguresChanged?: (roundId: string) => Promise<void>;
}

/** The structure a round is computed on: the units in force at the end of its year. */
export function roundReferenceDate(year: number): string {
  return `${year}-12-31`;
}

export function villagesUnder(dir: UnitDirectory, unitCode: string, date: string): string[] {
  const out: string[] = [];
  const stack = [unitCode];
  while (stack.length) {
    const code = stack.pop()!;
    const v = dir.versionOn(code, date);
    if (!v) continue;
    if (v.level === 'village') out.push(code);
    else for (const c of dir.childrenOn(code, date)) stack.push(c.code);
  }
  return out;
}

export function sumFigures(rows: repo.FigureRow[], transitions: { transition: string; n: number }[]): FiguresDto {
  const total = rows.reduce((s, r) => s + r.total, 0);
  const poor = rows.reduce((s, r) => s + r.poor, 0);
  const nearPoor = rows.reduce((s, r) => s + r.nearPoor, 0);
  // Rates in percent with two decimals; the denominator is every resident household of the unit (DOMAIN.md §3).
  const rate = (n: number) => (total === 0 ? 0 : Math.round((n * 10000) / total) / 100);
  return {
    total,
    poor,
    nearPoor,
    poorRate: rate(poor),
    nearPoorRate: rate(nearPoor),
    amendments: rows.reduce((s, r) => s + r.amendments, 0),
    transitions: Object.fromEntries(transitions.map((t) => [t.transition, t.n])),
  };
}

export function createRoundsService(deps: RoundsDeps) {
  const { db, clock, ids, catalog, scope } = deps;
  const postingWorkingDays = deps.postingWorkingDays ?? 3;

  async function loadRound(roundId: string) {
    const round = await repo.getRound(db, roundId);
    if (!round) throw new AppError('rounds.not_found', 'Không tìm thấy kỳ rà soát.');
    return round;
  }

  async function communeContext(roundId: string, communeCode: string) {
    const round = await loadRound(roundId);
    const rc = await repo.getRoundCommune(db, roundId, communeCode);
    if (!rc) throw new AppError('rounds.not_found', `Xã mã ${communeCode} không thuộc kỳ rà soát năm ${round.year}.`);
    const dir = await catalog.directory();
    const date = roundReferenceDate(round.year);
    return { round, rc, dir, date, hasDistricts: dir.unitsOn(date, 'district').length > 0 };
  }

  async function figuresFor(roundId: string, villages: string[]): Promise<FiguresDto> {
    const [rows, transitions] = await Promise.all([repo.figuresByVillage(db, roundId, villages), repo.transitionCounts(db, roundId, villages)]);
    return sumFigures(rows, transitions);
  }

  /** Draft the lists: classify every household of the commune, carrying over its last recorded income and B2 ticks. */
  async function draftLists(tx: Executor, round: repo.RoundRow, communeCode: string, dir: UnitDirectory, actor: Actor): Promise<number> {
    const date = roundReferenceDate(round.year);
    const standard = standardById(round.standardId);
    const villages = villagesUnder(dir, communeCode, date);
    const hhs = await repo.householdsInVillages(tx, villages);
    const earlier = await repo.earlierCategories(tx, hhs.map((h) => h.id), round.year);
    const byHousehold = new Map<string, typeof earlier>();
    for (const e of earlier) byHousehold.set(e.householdId, [...(byHousehold.get(e.householdId) ?? []), e]);
    const rows: repo.AssessmentInsert[] = [];
    const districtCode = (village: string) => dir.ancestorsOn(village, date).find((a) => a.level === 'district')?.code ?? null;
    const indicatorCodes = new Set(standard.indicators.map((i) => i.code));
    for (const h of hhs) {
      const history = (byHousehold.get(h.id) ?? []).sort((a, b) => a.year - b.year);
      const last = history.at(-1)?.a;
      if (!last || (last.incomePerCapita === null && last.b1Score === null)) continue;
      const members = await hhRepo.getMembers(tx, h.id);
      const result = assessHousehold(standard, h, members, date, round.year, history.map((x) => ({ year: x.year, category: x.category as PovertyCategory })), {
        incomePerCapita: last.incomePerCapita,
        b1Score: standard.b1Thresholds ? last.b1Score : null,
        ticked: last.deprivations.filter((c) => indicatorCodes.has(c)),
        overrides: [],
      });
      rows.push({
        id: ids.newId(),
        provinceCode: deps.provinceCode,
        roundId: round.id,
        householdId: h.id,
        revision: 1,
        isCurrent: true,
        villageCode: h.villageCode,
        communeCode,
        districtCode: districtCode(h.villageCode),
        area: h.area,
        ethnicMinority: h.ethnicMinority,
        femaleHead: h.femaleHead,
        meritOrSocial: h.hasMeritPerson || h.hasSocialProtection,
        incomePerCapita: last.incomePerCapita,
        b1Score: standard.b1Thresholds ? last.b1Score : null,
        deprivations: result.deprivations,
        detail: result.detail,
        category: result.category,
        reason: result.reason,
        standardVersion: result.version,
        transition: result.transition,
        stableEscapeYears: result.stableEscapeYears,
        isDemo: h.isDemo,
        createdAt: clock.now(),
        createdBy: actor.userId,
      });
    }
    await repo.insertAssessments(tx, rows);
    return rows.length;
  }

  return {
    async list(): Promise<RoundDto[]> {
      const [rounds, counts] = await Promise.all([repo.listRounds(db), repo.communeStateCounts(db)]);
      return rounds.map((r) => ({
        id: r.id,
        year: r.year,
        standardId: r.standardId,
        standardVersion: r.standardVersion,
        state: r.state,
        openedOn: r.openedOn,
        decisionNumber: r.decisionNumber,
        decisionDate: r.decisionDate,
        isDemo: r.isDemo,
        communeStates: Object.fromEntries(counts.filter((c) => c.roundId === r.id).map((c) => [c.state, c.n])),
      }));
    },

    async open(principal: Principal, actor: Actor, year: number, openedOn: string): Promise<RoundDto> {
      await scope.requireUnit(principal, 'rounds.approve', deps.provinceCode, clock.today());
      if (await repo.getRoundByYear(db, deps.provinceCode, year)) {
        throw new AppError('rounds.conflict', `Kỳ rà soát năm ${year} đã được mở.`);
      }
      const standard = standardForReviewYear(year);
      const dir = await catalog.directory();
      const communes = dir.unitsOn(roundReferenceDate(year), 'commune');
      const id = ids.newId();
      await db.transaction(async (tx) => {
        await repo.insertRound(tx, { id, provinceCode: deps.provinceCode, year, standardId: standard.id, standardVersion: standard.version, state: 'open', openedOn, isDemo: false, createdAt: clock.now() });
        await repo.insertRoundCommunes(tx, communes.map((c) => ({ id: ids.newId(), provinceCode: deps.provinceCode, roundId: id, communeCode: c.code, state: 'open', steps: {}, updatedAt: clock.now() })));
        await recordAudit(tx, deps, actor, { action: 'round.opened', entityType: 'review_round', entityId: id, after: { year, standard: standard.version, communes: communes.length } });
      });
      return (await this.list()).find((r) => r.id === id)!;
    },

    /** The round's communes in the caller's scope on the round's date, with their state, in Vietnamese order. */
    async communes(principal: Principal, roundId: string): Promise<RoundCommuneStateDto[]> {
      const round = await loadRound(roundId);
      const date = roundReferenceDate(round.year);
      const dir = await catalog.directory();
      const rows = await repo.listRoundCommunes(db, roundId);
      const out: RoundCommuneStateDto[] = [];
      for (const rc of rows) {
        if (!(await scope.isUnitInScope(principal, 'rounds.read', rc.communeCode, date))) continue;
        const state = rc.state as CommuneRoundState;
        out.push({ code: rc.communeCode, name: dir.versionOn(rc.communeCode, date)?.name ?? rc.communeCode, state, stateLabel: communeRoundStateLabels[state] });
      }
      return out.sort((a, b) => compareVi(a.name, b.name) || a.code.localeCompare(b.code));
    },

    async communeRound(principal: Principal, roundId: string, communeCode: string): Promise<CommuneRoundDto> {
      const { round, rc, dir, date, hasDistricts } = await communeContext(roundId, communeCode);
      await scope.requireUnit(principal, 'rounds.read', communeCode, date);
      const villages = villagesUnder(dir, communeCode, date);
      const byVillage = await repo.figuresByVillage(db, roundId, villages);
      const transitions = await repo.transitionCounts(db, roundId, villages);
      const state = rc.state as CommuneRoundState;
      const steps = rc.steps as RoundSteps;
      const households = await repo.householdsInVillages(db, villages);
      const assessed = byVillage.reduce((s, r) => s + r.total, 0);
      const missing: string[] = [];
      if (state === 'open') missing.push('Chưa lập danh sách hộ theo thôn.');
      if (!steps.meeting) missing.push('Chưa có biên bản họp dân bình xét.');
      if (!steps.posting) missing.push('Chưa niêm yết công khai danh sách.');
      if (state !== 'open' && assessed < households.length) {
        missing.push(`${households.length - assessed} hộ chưa có kết quả rà soát (thiếu thu nhập hoặc điểm B1).`);
      }
      return {
        roundId,
        year: round.year,
        standardId: round.standardId,
        communeCode,
        communeName: dir.versionOn(communeCode, date)?.name ?? communeCode,
        hasDistricts,
        state,
        stateLabel: communeRoundStateLabels[state],
        steps: steps as Record<string, unknown>,
        figures: sumFigures(byVillage, transitions),
        missing,
        editMode: assessmentEditMode(state),
        villages: villages
          .map((code) => {
            const f = byVillage.find((r) => r.villageCode === code);
            return { code, name: dir.versionOn(code, date)?.name ?? code, households: f?.total ?? 0, poor: f?.poor ?? 0, nearPoor: f?.nearPoor ?? 0 };
          })
          .sort((a, b) => compareVi(a.name, b.name)),
      };
    },

    async act(principal: Principal, actor: Actor, roundId: string, communeCode: string, body: RoundActionBody): Promise<CommuneRoundDto> {
      const { round, rc, dir, date, hasDistricts } = await communeContext(roundId, communeCode);
      if (round.state === 'frozen') throw new AppError('rounds.invalid', `Kỳ rà soát năm ${round.year} đã khoá sổ.`);
      let action: RoundAction;
      if (body.type === 'return') {
        // The province returns when the caller approves for the province; otherwise the district does.
        const byProvince = await scope.isUnitInScope(principal, 'rounds.approve', communeCode, date);
        action = { type: 'return', by: byProvince ? 'province' : 'district', comment: body.comment };
        await scope.requireUnit(principal, byProvince ? 'rounds.approve' : 'rounds.district', communeCode, date);
      } else {
        action = body;
        const permission = body.type === 'district_review' ? 'rounds.district' : body.type === 'province_approve' ? 'rounds.approve' : 'rounds.commune';
        await scope.requireUnit(principal, permission, communeCode, date);
      }
      const state = rc.state as CommuneRoundState;
      const result = applyRoundAction(state, rc.steps as RoundSteps, action, { today: clock.today(), hasDistricts, postingWorkingDays });
      if (!result.ok) throw new AppError('rounds.invalid', result.message);
      let drafted = 0;
      await db.transaction(async (tx) => {
        const moved = await repo.setRoundCommuneState(tx, rc.id, state, result.state, result.steps, clock.now());
        if (!moved) throw new AppError('rounds.conflict', 'Kỳ rà soát của xã vừa được người khác cập nhật. Hãy tải lại trang.');
        if (action.type === 'draft_lists') drafted = await draftLists(tx, round, communeCode, dir, actor);
        await recordAudit(tx, deps, actor, {
          action: `round.${action.type}`,
          entityType: 'round_commune',
          entityId: rc.id,
          unitCode: communeCode,
          before: { state, steps: rc.steps },
          after: { state: result.state, steps: result.steps, ...(action.type === 'draft_lists' ? { drafted } : {}) },
          reason: action.type === 'return' ? action.comment : null,
        });
      });
      await deps.onFiguresChanged?.(roundId);
      return this.communeRound(principal, roundId, communeCode);
    },

    /** The province's decision approving the whole round: it freezes the round (DOMAIN.md §3). */
    async freeze(principal: Principal, actor: Actor, roundId: string, decisionNumber: string, decisionDate: string): Promise<RoundDto> {
      const round = await loadRound(roundId);
      await scope.requireUnit(principal, 'rounds.approve', deps.provinceCode, roundReferenceDate(round.year));
      if (round.state === 'frozen') throw new AppError('rounds.invalid', 'Kỳ rà soát đã khoá sổ.');
      const communes = await repo.listRoundCommunes(db, roundId);
      const pending = communes.filter((c) => c.state !== 'province_approved');
      if (pending.length > 0) {
        throw new AppError('rounds.invalid', `Còn ${pending.length} xã chưa được tỉnh phê duyệt kết quả rà soát; chưa thể ban hành quyết định khoá sổ.`);
      }
      await db.transaction(async (tx) => {
        await repo.freezeRound(tx, roundId, decisionNumber, decisionDate);
        await recordAudit(tx, deps, actor, { action: 'round.frozen', entityType: 'review_round', entityId: roundId, after: { decisionNumber, decisionDate } });
      });
      await deps.onFiguresChanged?.(roundId);
      return (await this.list()).find((r) => r.id === roundId)!;
    },

    async figures(principal: Principal, roundId: string, unitCode: string | undefined): Promise<FiguresDto & { unitCode: string; unitName: string }> {
      const round = await loadRound(roundId);
      const date = roundReferenceDate(round.year);
      const code = unitCode ?? deps.provinceCode;
      await scope.requireUnit(principal, 'rounds.read', code, date);
      const dir = await catalog.directory();
      const v = dir.versionOn(code, date);
      if (!v) throw new AppError('units.not_found', `Đơn vị ${code} không tồn tại vào năm ${round.year}.`);
      return { ...(await figuresFor(roundId, villagesUnder(dir, code, date))), unitCode: code, unitName: v.name };
    },

    /** Enter or correct a household's assessment in a round; after approval it becomes an amendment with a reason. */
    async assess(principal: Principal, actor: Actor, roundId: string, householdId: string, input: AssessmentInput) {
      const round = await loadRound(roundId);
      const household = await hhRepo.getHousehold(db, householdId);
      if (!household) throw new AppError('registry.not_found', 'Không tìm thấy hộ.');
      const dir = await catalog.directory();
      const date = roundReferenceDate(round.year);
      const commune = dir.ancestorsOn(household.villageCode, date).find((a) => a.level === 'commune');
      if (!commune) throw new AppError('registry.invalid', 'Thôn của hộ không tồn tại vào năm của kỳ rà soát.');
      await scope.requireUnit(principal, 'households.write', household.villageCode, date);
      const rc = await repo.getRoundCommune(db, roundId, commune.code);
      if (!rc) throw new AppError('rounds.not_found', 'Xã của hộ không thuộc kỳ rà soát này.');
      const editMode = (roundState: string, communeState: string) => (roundState === 'frozen' ? 'amendment' : assessmentEditMode(communeState as CommuneRoundState));
      const refuseIfLocked = (m: ReturnType<typeof editMode>) => {
        if (m === 'locked') {
          throw new AppError('registry.locked', 'Danh sách của xã đang chờ cấp trên xem xét: không sửa được. Cấp trên cần trả lại để xã chỉnh sửa.');
        }
      };
      // Checked here to answer early, and again under the locks below, where it counts.
      let mode = editMode(round.state, rc.state);
      refuseIfLocked(mode);
      const reason = input.amendmentReason?.trim() ?? '';
      const standard = standardById(round.standardId);
      const members = await hhRepo.getMembers(db, householdId);
      const earlier = (await repo.earlierCategories(db, [householdId], round.year)).map((e) => ({ year: e.year, category: e.category as PovertyCategory }));
      const result = assessHousehold(standard, household, members, date, round.year, earlier, input);
      const row = await db.transaction(async (tx) => {
        const locked = await repo.lockForAssessment(tx, roundId, commune.code, householdId);
        mode = editMode(locked.roundState ?? round.state, locked.communeState ?? rc.state);
        refuseIfLocked(mode);
        if (mode === 'amendment' && reason.length < 5) {
          throw new AppError('registry.invalid', 'Kết quả rà soát đã được phê duyệt: sửa đổi phải ghi rõ lý do (đính chính).');
        }
        const current = await repo.currentAssessment(tx, roundId, householdId);
        const row: repo.AssessmentInsert = {
          id: ids.newId(),
          provinceCode: deps.provinceCode,
          roundId,
          householdId,
          revision: (current?.revision ?? 0) + 1,
          isCurrent: true,
          villageCode: household.villageCode,
          communeCode: commune.code,
          districtCode: dir.ancestorsOn(household.villageCode, date).find((a) => a.level === 'district')?.code ?? null,
          area: household.area,
          ethnicMinority: household.ethnicMinority,
          femaleHead: household.femaleHead,
          meritOrSocial: household.hasMeritPerson || household.hasSocialProtection,
          incomePerCapita: input.incomePerCapita,
          b1Score: input.b1Score,
          deprivations: result.deprivations,
          detail: result.detail,
          category: result.category,
          reason: result.reason,
          standardVersion: result.version,
          transition: result.transition,
          stableEscapeYears: result.stableEscapeYears,
          isAmendment: mode === 'amendment',
          amendmentReason: mode === 'amendment' ? reason : null,
          isDemo: household.isDemo,
          createdAt: clock.now(),
          createdBy: actor.userId,
        };
        await repo.markNotCurrent(tx, roundId, householdId);
        await repo.insertAssessments(tx, [row]);
        await recordAudit(tx, deps, actor, {
          action: mode === 'amendment' ? 'assessment.amended' : 'assessment.recorded',
          entityType: 'household',
          entityId: householdId,
          unitCode: commune.code,
          before: current ? { year: round.year, category: current.category, revision: current.revision, reason: current.reason } : null,
          after: { year: round.year, category: row.category, revision: row.revision, reason: row.reason, overrides: result.detail.overrides },
          reason: mode === 'amendment' ? reason : null,
        });
        return row;
      });
      await deps.onFiguresChanged?.(roundId);
      return { mode, category: row.category, reason: row.reason, revision: row.revision, transition: row.transition };
    },

    canApprove(principal: Principal): boolean {
      return hasPermission(principal, 'rounds.approve');
    },
  };
}

export type RoundsService = ReturnType<typeof createRoundsService>;
