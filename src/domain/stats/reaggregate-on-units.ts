// Showing a past year on the units in force today (DOMAIN.md §1): "2016–2020 rates on the 65 communes of
// 2025". Old units map onto new ones through the lineage. A full merge moves every household of the old
// unit, so its counts add exactly. A partial merge splits an old unit: when the households' villages are
// known, pass village figures with full mappings instead (exact); otherwise an explicit share of the old
// unit's households is assumed to move, the counts are multiplied by it, and the result says it is an estimate.

import { settleRates, emptyFigures } from './aggregate-round.ts';
import type { CategoryTally, HouseholdFigures } from './aggregate-round.ts';
import { compareKeys } from './compare-keys.ts';
import { formatRate, toHundredths } from './hundredths.ts';
import { StatsError } from './stats-errors.ts';

export type UnitMapping =
  | { from: string; to: string; kind: 'full' }
  /** share: the part (0 < share ≤ 1) of the old unit's households that now belongs to `to`. */
  | { from: string; to: string; kind: 'partial'; share: number };

export interface MappedSource {
  unitCode: string;
  kind: 'full' | 'partial';
  share: number;
  /** False when no figures of the old unit were given: the new unit's figures lack its households. */
  found: boolean;
}

export interface ReaggregatedUnit extends HouseholdFigures {
  unitCode: string;
  /** True when any part comes from a partial merge counted by share: counts may then be fractional. */
  estimated: boolean;
  sources: MappedSource[];
  /** Vietnamese note for the reader, null when the figures are exact and complete. */
  note: string | null;
}

/** Share sums of one old unit may exceed 1 by rounding only. */
const SHARE_TOLERANCE = 1e-9;

/**
 * @param aggregates figures of the old units (one round), e.g. `aggregateRound(...).values()`.
 * @param mappings old unit → new unit, one row per pair.
 * @param names optional unit code → name, used in the notes.
 * @returns new unit code → figures, in Vietnamese order of the code.
 */
export function reaggregateOnUnits(
  aggregates: Iterable<HouseholdFigures & { unitCode: string }>,
  mappings: readonly UnitMapping[],
  names: Readonly<Record<string, string>> = {},
): Map<string, ReaggregatedUnit> {
  validateMappings(mappings);
  const oldFigures = new Map<string, HouseholdFigures>();
  for (const aggregate of aggregates) oldFigures.set(aggregate.unitCode, aggregate);

  const results = new Map<string, ReaggregatedUnit>();
  for (const mapping of mappings) {
    let target = results.get(mapping.to);
    if (!target) {
      target = { unitCode: mapping.to, estimated: false, sources: [], note: null, ...emptyFigures() };
      results.set(mapping.to, target);
    }
    const share = mapping.kind === 'full' ? 1 : mapping.share;
    const source = oldFigures.get(mapping.from);
    target.sources.push({ unitCode: mapping.from, kind: mapping.kind, share, found: source !== undefined });
    if (mapping.kind === 'partial') target.estimated = true;
    if (source) addScaled(target, source, share);
  }

  for (const unit of results.values()) {
    settleRates(unit);
    unit.note = describeSources(unit.sources, names);
  }
  return new Map([...results.entries()].sort(([a], [b]) => compareKeys(a, b)));
}

function addScaled(target: HouseholdFigures, source: HouseholdFigures, share: number): void {
  addTally(target, source, share);
  for (const key of Object.keys(target.breakdowns) as (keyof HouseholdFigures['breakdowns'])[]) {
    addTally(target.breakdowns[key], source.breakdowns[key], share);
  }
  addCounts(target.transitions, source.transitions, share);
  addCounts(target.deprivations, source.deprivations, share);
}

function addTally(target: CategoryTally, source: CategoryTally, share: number): void {
  target.total += source.total * share;
  target.poor += source.poor * share;
  target.nearPoor += source.nearPoor * share;
}

function addCounts<K extends string>(
  target: Partial<Record<K, number>>,
  source: Readonly<Partial<Record<K, number>>>,
  share: number,
): void {
  for (const code of Object.keys(source) as K[])
    target[code] = (target[code] ?? 0) + (source[code] ?? 0) * share;
}

function describeSources(
  sources: readonly MappedSource[],
  names: Readonly<Record<string, string>>,
): string | null {
  const label = (code: string): string => (names[code] ? `${names[code]} (${code})` : code);
  const sentences: string[] = [];
  const partial = sources.filter((source) => source.kind === 'partial' && source.found);
  if (partial.length > 0) {
    const parts = partial.map(
      (source) => `${label(source.unitCode)}: ${formatRate(toHundredths(source.share * 100))} số hộ`,
    );
    sentences.push(
      `Số liệu ước tính: đơn vị cũ sáp nhập một phần, chưa rõ hộ thuộc thôn nào nên số hộ được tính theo tỷ lệ chia (${parts.join('; ')}).`,
    );
  }
  const missing = sources.filter((source) => !source.found);
  if (missing.length > 0) {
    sentences.push(
      `Thiếu số liệu của đơn vị cũ: ${missing.map((source) => label(source.unitCode)).join(', ')}.`,
    );
  }
  return sentences.length > 0 ? sentences.join(' ') : null;
}

function validateMappings(mappings: readonly UnitMapping[]): void {
  const pairs = new Set<string>();
  const fullTargets = new Map<string, string>();
  const shares = new Map<string, number>();
  mappings.forEach((mapping, index) => {
    const fail = (message: string): never => {
      throw new StatsError('invalid_mapping', `Ánh xạ ${mapping.from} → ${mapping.to}: ${message}`, index);
    };
    if (mapping.from.length === 0 || mapping.to.length === 0) fail('mã đơn vị đang trống.');
    const pair = `${mapping.from}\u0000${mapping.to}`;
    if (pairs.has(pair)) fail('ghi hai lần.');
    pairs.add(pair);
    if (mapping.kind === 'full') {
      fullTargets.set(mapping.from, mapping.to);
    } else if (mapping.kind === 'partial') {
      const share: unknown = mapping.share;
      if (typeof share !== 'number' || !Number.isFinite(share) || share <= 0 || share > 1) {
        fail('sáp nhập một phần cần tỷ lệ chia lớn hơn 0 và không quá 1, hoặc số liệu theo thôn.');
      }
      const total = (shares.get(mapping.from) ?? 0) + mapping.share;
      if (total > 1 + SHARE_TOLERANCE) fail(`tổng tỷ lệ chia của đơn vị ${mapping.from} vượt quá 100%.`);
      shares.set(mapping.from, total);
    } else {
      fail(
        `loại sáp nhập "${String((mapping as { kind: unknown }).kind)}" không hợp lệ (full hoặc partial).`,
      );
    }
  });
  // A unit merged in full moves whole: it cannot also go elsewhere.
  mappings.forEach((mapping, index) => {
    const fullTarget = fullTargets.get(mapping.from);
    if (fullTarget !== undefined && fullTarget !== mapping.to) {
      throw new StatsError(
        'invalid_mapping',
        `Đơn vị ${mapping.from} đã sáp nhập toàn bộ vào ${fullTarget}, không thể đồng thời chuyển sang ${mapping.to}.`,
        index,
      );
    }
  });
}
