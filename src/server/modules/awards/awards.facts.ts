// What the platform knows about a nominee, read for its eligibility checks and its first achievement report: the
// household's escape and loans (registry), a territorial collective's yearly rates against its targets (statistics
// and the campaign's target rule set), a collective's ranking in its cluster or block (emulation), its exemplar story
// and the resources it mobilised. Reads only; the rules are in src/domain/awards.

import type { Executor } from '../../../db/client.ts';
import type { LoanFact, NomineeFacts, YearAttainment } from '../../../domain/awards/eligibility.ts';
import type { AchievementFacts } from '../../../domain/awards/achievement-report.ts';
import { findTargetRuleSet } from '../../../domain/emulation/target-rules.ts';
import { evaluateAttainment } from '../../../domain/stats/targets.ts';
import type { UnitDirectory } from '../../../domain/units/unit-directory.ts';
import { formatNumber } from '../../../shared/vi-format.ts';
import { unitTargetsFor, type EmulationRoundRow } from '../emulation/campaigns.repository.ts';
import type { RankingsDto } from '../../../shared/schemas/emulation.schema.ts';
import * as measured from '../emulation/measured-facts.repository.ts';
import { listRegistrations } from '../emulation/scores.repository.ts';
import { unitRates } from '../emulation/unit-rates.repository.ts';
import * as participantsRepo from '../participants/participants.repository.ts';
import { villagesUnder } from '../rounds/rounds.service.ts';
import * as repo from './awards.repository.ts';

type CampaignRound = NonNullable<Awaited<ReturnType<typeof repo.getCampaignRound>>>;

/** One participant's place in a cluster or block of an emulation round. */
export interface GroupPlace {
  groupName: string;
  participantKey: string;
  rank: number;
  size: number;
  total: number;
}

/** Rankings of an emulation round by cluster and block (the emulation module's scoring), or null when not scored. */
export type RankingSource = (roundId: string) => Promise<GroupPlace[] | null>;

/** Adapts the emulation module's scoring service (rankings by group, keyed by registration) to a RankingSource. */
export function emulationRankingSource(db: Executor, emulation: { campaigns: { loadRound(id: string): Promise<EmulationRoundRow> }; scoring: { rankingsOf(round: EmulationRoundRow): Promise<RankingsDto> } }): RankingSource {
  return async (roundId) => {
    const round = await emulation.campaigns.loadRound(roundId);
    const rankings = await emulation.scoring.rankingsOf(round);
    if (rankings.byGroup.length === 0) return null;
    const keys = new Map((await listRegistrations(db, roundId)).map((r) => [r.id, r.participantKey]));
    return rankings.byGroup.flatMap((g) => g.entries.map((e) => ({ groupName: g.name, participantKey: keys.get(e.registrationId) ?? '', rank: e.rank, size: g.entries.length, total: e.total })));
  };
}

function span(cr: CampaignRound): number[] {
  const out: number[] = [];
  for (let y = cr.round.measureFromYear; y <= cr.round.measureToYear; y += 1) out.push(y);
  return out;
}

export const roundDateOf = (cr: CampaignRound) => `${cr.round.year}-12-31`;

export function createNomineeFacts(deps: { db: Executor; rankings?: RankingSource }) {
  const { db } = deps;
  const rankingCache = new Map<string, Promise<GroupPlace[] | null>>();
  const rankingsOf = (roundId: string) => {
    let found = rankingCache.get(roundId);
    if (!found) {
      found = deps.rankings ? deps.rankings(roundId).catch(() => null) : Promise.resolve(null);
      rankingCache.set(roundId, found);
    }
    return found;
  };

  async function attainmentsOf(dir: UnitDirectory, cr: CampaignRound, unitCode: string): Promise<{ attainments: YearAttainment[]; rates: { year: number; rate: number }[] } | null> {
    const date = roundDateOf(cr);
    const unit = dir.versionOn(unitCode, date) ?? dir.historyOf(unitCode).versions.at(-1);
    if (!unit || (unit.level !== 'district' && unit.level !== 'commune')) return null;
    const years = span(cr);
    const rates = await unitRates(db, { unitCode: unit.code, level: unit.level, villageCodes: villagesUnder(dir, unit.code, date), years: [cr.round.measureFromYear - 1, ...years] });
    const ruleSet = findTargetRuleSet(cr.campaign.targetRuleSetId, cr.campaign.targetRuleSetVersion);
    const own = await unitTargetsFor(db, cr.campaign.id, unit.code);
    const attainments: YearAttainment[] = years.map((year) => {
      const now = rates.get(year);
      const before = rates.get(year - 1);
      if (!now || !before) return { year, attained: null, explanation: `thiếu số liệu rà soát năm ${!before ? year - 1 : year}` };
      if (!ruleSet) return { year, attained: null, explanation: 'phong trào chưa có bộ quy tắc chỉ tiêu' };
      try {
        const a = evaluateAttainment({ unit: unit.code, year, baselineRate: before.rate, rate: now.rate, ...(own.has(year) ? { ownTarget: own.get(year) } : {}) }, ruleSet);
        return { year, attained: a.attained, explanation: `từ ${formatNumber(a.baseline, 2)}% xuống ${formatNumber(a.rate, 2)}%, giảm ${formatNumber(a.reduction, 2)} điểm, chỉ tiêu ${formatNumber(a.required, 2)} điểm` };
      } catch (error) {
        return { year, attained: null, explanation: (error as Error).message };
      }
    });
    const shownRates = [...rates.values()].sort((a, b) => a.year - b.year).map((r) => ({ year: r.year, rate: r.rate }));
    return { attainments, rates: shownRates };
  }

  async function groupPlace(cr: CampaignRound, key: string): Promise<{ ranking: NomineeFacts['ranking']; rankingPending: boolean }> {
    const groups = await participantsRepo.listGroups(db, cr.round.year);
    const members = await participantsRepo.listMembers(db, groups.map((g) => g.id));
    const mine = members.filter((m) => (m.organisationId ?? m.unitCode) === key);
    if (mine.length === 0) return { ranking: null, rankingPending: false };
    const places = await rankingsOf(cr.round.id);
    const place = places?.find((p) => p.participantKey === key);
    if (!place) return { ranking: null, rankingPending: true };
    return { ranking: { groupName: place.groupName, rank: place.rank, size: place.size }, rankingPending: false };
  }

  return {
    /** The facts of one nominee for its eligibility checks (duplicates are added by the caller). */
    async eligibilityFacts(dir: UnitDirectory, cr: CampaignRound, n: repo.NomineeRow, today: string): Promise<Omit<NomineeFacts, 'duplicates'>> {
      if (n.kind === 'household' && n.householdId) {
        const latest = await measured.latestAssessment(db, n.householdId, cr.round.measureToYear);
        const loans = await measured.loansUpTo(db, n.householdId, today);
        const loanFacts: LoanFact[] = loans.map((l) => ({ amount: l.amount, purpose: l.purpose, dueOn: l.dueOn, repaidOn: l.repaidOn, interestOnTime: l.interestOnTime, principalOnTime: l.principalOnTime }));
        return { kind: n.kind, name: n.name, household: { latestRoundYear: latest?.year ?? null, stableEscapeYears: latest?.stableEscapeYears ?? null, loans: loanFacts } };
      }
      if (n.kind === 'collective') {
        const key = n.organisationId ?? n.unitCode;
        const place = await groupPlace(cr, key);
        const targets = n.organisationId ? null : await attainmentsOf(dir, cr, n.unitCode);
        return { kind: n.kind, name: n.name, ...(targets ? { attainments: targets.attainments } : {}), ranking: place.ranking, rankingPending: place.rankingPending };
      }
      return { kind: n.kind, name: n.name };
    },

    /** The data the first draft of the achievement report is written from. */
    async achievementFacts(dir: UnitDirectory, cr: CampaignRound, n: Pick<repo.NomineeRow, 'kind' | 'name' | 'description' | 'unitCode' | 'organisationId' | 'householdId' | 'individualId'>): Promise<AchievementFacts> {
      const base: AchievementFacts = { kind: n.kind, name: n.name, place: n.description, campaignName: cr.campaign.name, roundName: cr.round.name };
      const from = `${cr.round.measureFromYear}-01-01`;
      const to = `${cr.round.measureToYear}-12-31`;
      const story = await repo.exemplarStory(db, cr.campaign.id, { householdId: n.householdId ?? undefined, individualId: n.individualId ?? undefined, organisationId: n.organisationId ?? undefined, unitCode: n.unitCode });
      if (n.kind === 'household' && n.householdId) {
        const latest = await measured.latestAssessment(db, n.householdId, cr.round.measureToYear);
        return { ...base, stableEscapeYears: latest?.stableEscapeYears ?? null, exemplarStory: story };
      }
      if (n.kind === 'collective') {
        const key = n.organisationId ?? n.unitCode;
        const places = await rankingsOf(cr.round.id);
        const place = places?.find((p) => p.participantKey === key);
        const resources = n.organisationId ? await measured.organisationResources(db, n.organisationId, from, to) : await measured.unitResources(db, n.unitCode, from, to);
        const targets = n.organisationId ? null : await attainmentsOf(dir, cr, n.unitCode);
        return {
          ...base,
          rates: targets?.rates ?? [],
          score: place ? { total: place.total, rank: place.rank, groupName: place.groupName } : null,
          resourcesMobilised: resources.fundContributions + resources.directGifts + resources.supportValue,
          exemplarStory: story,
        };
      }
      return { ...base, exemplarStory: story };
    },
  };
}
export type NomineeFactsReader = ReturnType<typeof createNomineeFacts>;
