// The review rounds change rarely (one a year): pages that turn a year into a round share one fetched list.
import { roundsApi, type RoundDto } from '../api/endpoints.ts';

let rounds: Promise<RoundDto[]> | null = null;

/** Every round, newest first. A failed fetch is forgotten so the next call tries again. */
export function cachedRounds(): Promise<RoundDto[]> {
  if (!rounds) {
    const fetched = roundsApi.list().then((list) => [...list].sort((a, b) => b.year - a.year));
    fetched.catch(() => {
      rounds = null;
    });
    rounds = fetched;
  }
  return rounds;
}

/** Forget the list after a round was opened or frozen. */
export function forgetRounds(): void {
  rounds = null;
}

/** The units a round is computed on are those in force at the end of its year (as the server computes them). */
export function roundReferenceDate(year: number): string {
  return `${year}-12-31`;
}
