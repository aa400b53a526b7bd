import type { Executor } from '../../../db/client.ts';
import type { FormulaId } from '../../../domain/emulation/criteria.ts';
import type { FormulaResult } from '../../../domain/emulation/formulas/formula-result.ts';
import { scoreLoanRepayment } from '../../../domain/emulation/formulas/loan-repayment.ts';
import { scoreMobilisedResources } from '../../../domain/emulation/formulas/mobilised-resources.ts';
import { scoreRateReduction, type RateReductionParams } from '../../../domain/emulation/formulas/rate-reduction-vs-target.ts';
import { scoreReportTimeliness } from '../../../domain/emulation/formulas/report-timeliness.ts';
import { scoreStableEscape } from '../../../domain/emulation/formulas/stable-escape-helpers.ts';
import { scoreEscapeRegistration } from '../../../domain/emulation/formulas/voluntary-escape-registration.ts';
import type { TargetRuleSet } from '../../../domain/stats/target-rule-sets.ts';
import type { UnitDirectory } from '../../../domain/units/unit-directory.ts';
import { AppError } from '../../errors.ts';
import { villagesUnder } from '../rounds/rounds.service.ts';
import type { CriterionRow, EmulationRoundRow } from './campaigns.repository.ts';
import { unitTargetsFor } from './campaigns.repository.ts';
import { roundDate } from './emulation-deps.ts';
import * as facts from './measured-facts.repository.ts';
import type { RegistrationRow } from './scores.repository.ts';
import type { TimelinessSource } from './timeliness-source.ts';
import { unitRates } from './unit-rates.repository.ts';

export interface MeasureContext {
  db: Executor;
  dir: UnitDirectory;
  ruleSet: TargetRuleSet;
  round: EmulationRoundRow;
  timeliness: TimelinessSource | undefined;
  /** The date the computation runs on: a report deadline after it is not judged yet. */
  today: string;
}

function years(round: EmulationRoundRow): number[] {
  const out: number[] = [];
  for (let y = round.measureFromYear; y <= round.measureToYear; y += 1) out.push(y);
  return out;
}

/** Reads the facts a measured criterion needs for one registration and runs its formula. */
export async function measureCriterion(ctx: MeasureContext, registration: RegistrationRow, criterion: CriterionRow): Promise<FormulaResult> {
  const { db, round } = ctx;
  const span = years(round);
  const from = `${round.measureFromYear}-01-01`;
  const to = `${round.measureToYear}-12-31`;
  const params = (criterion.params ?? {}) as Record<string, unknown>;
  const maxPoints = criterion.maxPoints;
  const name = registration.participantName;
  const formula = criterion.formulaId as FormulaId;
  switch (formula) {
    case 'rate_reduction_vs_target': {
      const unit = ctx.dir.versionOn(registration.participantKey, roundDate(round)) ?? ctx.dir.historyOf(registration.participantKey).versions.at(-1);
      if (!unit) throw new AppError('emulation.invalid', `Không tìm thấy đơn vị ${registration.participantKey}.`);
      const rates = await unitRates(db, {
        unitCode: unit.code,
        level: unit.level,
        villageCodes: villagesUnder(ctx.dir, unit.code, roundDate(round)),
        years: [round.measureFromYear - 1, ...span],
      });
      return scoreRateReduction({
        unitCode: unit.code,
        unitName: name,
        years: span,
        rates: new Map([...rates].map(([y, r]) => [y, r.rate])),
        ownTargets: await unitTargetsFor(db, round.campaignId, unit.code),
        ruleSet: ctx.ruleSet,
        maxPoints,
        params: params as Partial<RateReductionParams>,
      });
    }
    case 'report_timeliness': {
      const reports = ctx.timeliness ? await ctx.timeliness.reportsDue(registration.unitCode, round.measureFromYear, round.measureToYear) : null;
      return scoreReportTimeliness({ unitName: name, reports, asOf: ctx.today, maxPoints, params });
    }
    case 'mobilised_resources': {
      const r =
        registration.participantKind === 'organisation' && registration.organisationId
          ? await facts.organisationResources(db, registration.organisationId, from, to)
          : await facts.unitResources(db, registration.participantKey, from, to);
      return scoreMobilisedResources({ participantName: name, years: span.length, ...r, maxPoints, params });
    }
    case 'stable_escape_helpers': {
      const householdId = registration.householdId!;
      const latest = await facts.latestAssessment(db, householdId, round.measureToYear);
      const helped = await facts.householdsHelped(db, householdId, from, to);
      return scoreStableEscape({ householdName: name, latestRoundYear: latest?.year ?? null, stableEscapeYears: latest?.stableEscapeYears ?? null, helpedHouseholds: helped, maxPoints, params });
    }
    case 'loan_repayment': {
      const loans = await facts.loansUpTo(db, registration.householdId!, to);
      // A loan repaid before the round's first year is no longer held in it.
      const held = loans.filter((l) => l.repaidOn === null || l.repaidOn >= from);
      return scoreLoanRepayment({ householdName: name, loans: held, maxPoints });
    }
    case 'voluntary_escape_registration': {
      const householdId = registration.householdId!;
      return scoreEscapeRegistration({
        householdName: name,
        years: span,
        registrations: await facts.escapeRegistrationsOf(db, householdId),
        escapedInYears: await facts.escapedInYears(db, householdId, span),
        maxPoints,
      });
    }
  }
}
