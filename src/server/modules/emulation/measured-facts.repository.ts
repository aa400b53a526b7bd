import { and, between, desc, eq, inArray, lte, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import {
  assessments,
  escapeRegistrations,
  fundContributions,
  fundDirectGifts,
  reviewRounds,
  socialBankLoans,
  supportActivities,
} from '../../../db/schema/index.ts';

// The registry and fund facts the measured criteria read. SQL only; the formulas are pure (src/domain/emulation).

export interface ResourceFacts {
  fundContributions: number;
  directGifts: number;
  supportValue: number;
  supportCount: number;
}

const sumValue = (column: typeof fundContributions.value | typeof fundDirectGifts.value | typeof supportActivities.value) => sql<number>`coalesce(sum(${column}), 0)::bigint`;

/** Resources attributed to an organisation: what it gave to the fund, directly to households, and its support. */
export async function organisationResources(db: Executor, organisationId: string, from: string, to: string): Promise<ResourceFacts> {
  const [c] = await db.select({ v: sumValue(fundContributions.value) }).from(fundContributions).where(and(eq(fundContributions.donorOrganisationId, organisationId), between(fundContributions.receivedOn, from, to)));
  const [g] = await db.select({ v: sumValue(fundDirectGifts.value) }).from(fundDirectGifts).where(and(eq(fundDirectGifts.donorOrganisationId, organisationId), between(fundDirectGifts.givenOn, from, to)));
  const [s] = await db
    .select({ v: sumValue(supportActivities.value), n: sql<number>`coalesce(sum(${supportActivities.quantity}), 0)::int` })
    .from(supportActivities)
    .where(and(eq(supportActivities.supporterOrganisationId, organisationId), between(supportActivities.occurredOn, from, to)));
  return { fundContributions: Number(c?.v ?? 0), directGifts: Number(g?.v ?? 0), supportValue: Number(s?.v ?? 0), supportCount: s?.n ?? 0 };
}

/**
 * Resources a district or commune mobilised (criteria 2.3, 3.3): what its Fatherland Front level of the fund received
 * (contributions and reported direct gifts) and the support the unit itself recorded.
 */
export async function unitResources(db: Executor, unitCode: string, from: string, to: string): Promise<ResourceFacts> {
  const [c] = await db.select({ v: sumValue(fundContributions.value) }).from(fundContributions).where(and(eq(fundContributions.fundUnitCode, unitCode), between(fundContributions.receivedOn, from, to)));
  const [g] = await db.select({ v: sumValue(fundDirectGifts.value) }).from(fundDirectGifts).where(and(eq(fundDirectGifts.fundUnitCode, unitCode), between(fundDirectGifts.givenOn, from, to)));
  const [s] = await db
    .select({ v: sumValue(supportActivities.value), n: sql<number>`coalesce(sum(${supportActivities.quantity}), 0)::int` })
    .from(supportActivities)
    .where(and(eq(supportActivities.supporterKind, 'unit'), eq(supportActivities.supporterUnitCode, unitCode), between(supportActivities.occurredOn, from, to)));
  return { fundContributions: Number(c?.v ?? 0), directGifts: Number(g?.v ?? 0), supportValue: Number(s?.v ?? 0), supportCount: s?.n ?? 0 };
}

/** The household's current assessment at its latest review round up to the year. */
export async function latestAssessment(db: Executor, householdId: string, upToYear: number) {
  const [row] = await db
    .select({ year: reviewRounds.year, category: assessments.category, stableEscapeYears: assessments.stableEscapeYears, transition: assessments.transition })
    .from(assessments)
    .innerJoin(reviewRounds, eq(reviewRounds.id, assessments.roundId))
    .where(and(eq(assessments.householdId, householdId), eq(assessments.isCurrent, true), lte(reviewRounds.year, upToYear)))
    .orderBy(desc(reviewRounds.year))
    .limit(1);
  return row ?? null;
}

export async function escapedInYears(db: Executor, householdId: string, years: readonly number[]): Promise<number[]> {
  if (years.length === 0) return [];
  const rows = await db
    .select({ year: reviewRounds.year })
    .from(assessments)
    .innerJoin(reviewRounds, eq(reviewRounds.id, assessments.roundId))
    .where(and(eq(assessments.householdId, householdId), eq(assessments.isCurrent, true), eq(assessments.transition, 'escaped'), inArray(reviewRounds.year, [...years])));
  return rows.map((r) => r.year).sort((a, b) => a - b);
}

/** Other households this household helped (support activities it recorded as supporter) in the dates. */
export async function householdsHelped(db: Executor, householdId: string, from: string, to: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(distinct ${supportActivities.targetHouseholdId})::int` })
    .from(supportActivities)
    .where(
      and(
        eq(supportActivities.supporterHouseholdId, householdId),
        eq(supportActivities.targetKind, 'household'),
        ne(supportActivities.targetHouseholdId, householdId),
        between(supportActivities.occurredOn, from, to),
      ),
    );
  return row?.n ?? 0;
}

export async function loansUpTo(db: Executor, householdId: string, to: string) {
  return db
    .select()
    .from(socialBankLoans)
    .where(and(eq(socialBankLoans.householdId, householdId), lte(socialBankLoans.disbursedOn, to)))
    .orderBy(socialBankLoans.disbursedOn);
}

export async function escapeRegistrationsOf(db: Executor, householdId: string) {
  return db.select({ year: escapeRegistrations.year, registeredOn: escapeRegistrations.registeredOn }).from(escapeRegistrations).where(eq(escapeRegistrations.householdId, householdId));
}
