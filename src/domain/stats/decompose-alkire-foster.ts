// Subgroup decomposition of M0 (DOMAIN.md §5): M0 of the whole = Σ populationShare_g × M0_g. This is what
// lets a dashboard say which communes, or which kind of household (ethnic minority, rural/urban), carry
// the province's multidimensional poverty.

import { computeAlkireFoster } from './alkire-foster.ts';
import type { AlkireFosterInput, AlkireFosterResult, AlkireFosterUnit } from './alkire-foster.ts';
import { compareKeys } from './compare-keys.ts';
import { StatsError } from './stats-errors.ts';

export interface GroupedAlkireFosterUnit extends AlkireFosterUnit {
  /** The subgroup the unit belongs to: a unit code, "ethnicMinority", "rural"… */
  group: string;
}

export interface AlkireFosterDecompositionInput extends Omit<AlkireFosterInput, 'units'> {
  units: readonly GroupedAlkireFosterUnit[];
}

export interface AlkireFosterGroup {
  group: string;
  /** Group's share of the (sample-weighted) population, 0–1. */
  populationShare: number;
  H: number;
  A: number;
  M0: number;
  /** populationShare × M0_g ÷ M0 × 100: the group's percentage of the total M0 (all 0 when M0 = 0). */
  contributionToM0: number;
  censoredHeadcount: Record<string, number>;
  unitCount: number;
  poorCount: number;
  population: number;
}

export interface AlkireFosterDecomposition {
  total: AlkireFosterResult;
  /** In Vietnamese order of the group key. */
  groups: AlkireFosterGroup[];
}

export function decomposeAlkireFoster(input: AlkireFosterDecompositionInput): AlkireFosterDecomposition {
  input.units.forEach((unit, index) => {
    if (unit.group.length === 0)
      throw new StatsError('invalid_unit', `Hộ "${unit.id}": chưa có nhóm để phân tách.`, index);
  });
  // Validates every unit once; the groups below are subsets of valid input.
  const total = computeAlkireFoster(input);

  const members = new Map<string, GroupedAlkireFosterUnit[]>();
  for (const unit of input.units) {
    const list = members.get(unit.group);
    if (list) list.push(unit);
    else members.set(unit.group, [unit]);
  }

  const groups = [...members.entries()]
    .sort(([a], [b]) => compareKeys(a, b))
    .map(([group, units]): AlkireFosterGroup => {
      const figures = computeAlkireFoster({ ...input, units });
      const populationShare = figures.population / total.population;
      return {
        group,
        populationShare,
        H: figures.H,
        A: figures.A,
        M0: figures.M0,
        contributionToM0: total.M0 > 0 ? ((populationShare * figures.M0) / total.M0) * 100 : 0,
        censoredHeadcount: figures.censoredHeadcount,
        unitCount: figures.unitCount,
        poorCount: figures.poorCount,
        population: figures.population,
      };
    });

  return { total, groups };
}
