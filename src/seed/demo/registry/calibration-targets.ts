// The province-wide figures the demo registry is calibrated to (DOMAIN.md §4). Rates are in percent of ALL
// households of the round (DOMAIN.md §3: the denominator is every resident household, not only those reviewed).
//
// Published figures (marked `published`):
//   - end-2017 review, QĐ 59/2015: 36,537 poor households = 19.07 % (−3.3 points on 2016, so 2016 ≈ 22.37 %) and
//     22,801 near-poor = 11.9 % (Quyết định 2426/QĐ-UBND of 16/12/2017);
//   - 2021: 12.2 %; end-2024: 3.36 %; 2025 review: 4,643 poor of 199,765 households (2.32 %), near-poor 13,578 (6.80 %).
// The other years are plausible demo values on a declining path (plan 165/KH-UBND: ≈ 11 % by the 2020 review,
// about −3 points a year), and the middle-living-standard shares are demo assumptions.
//
// 2021: the 2021 review was carried out with the multidimensional standard of the new period (NĐ 07/2021/NĐ-CP) and
// set the baseline of 2022–2025, which is why the published rate (12.2 %) is higher than 2020's. The product's rule
// catalogue keeps QĐ 59/2015 for the 2016–2021 rounds (standards.ts), so the demo classifies 2021 under qd59-2015
// while matching the published 12.2 %: the rise from 2020 stands for the stricter baseline of the new period.

export interface ProvinceTarget {
  readonly year: number;
  readonly poorPercent: number;
  readonly nearPoorPercent: number;
  readonly middlePercent: number;
  /** The poor-household rate is a published figure (DOMAIN.md §4), not a demo assumption. */
  readonly published: boolean;
}

export const LANG_SON_DEMO_TARGETS: readonly ProvinceTarget[] = [
  { year: 2016, poorPercent: 22.37, nearPoorPercent: 12.6, middlePercent: 13, published: true },
  { year: 2017, poorPercent: 19.07, nearPoorPercent: 11.9, middlePercent: 13, published: true },
  { year: 2018, poorPercent: 15.8, nearPoorPercent: 11.2, middlePercent: 12.5, published: false },
  { year: 2019, poorPercent: 12.9, nearPoorPercent: 10.4, middlePercent: 12, published: false },
  { year: 2020, poorPercent: 10.4, nearPoorPercent: 9.6, middlePercent: 11.5, published: false },
  { year: 2021, poorPercent: 12.2, nearPoorPercent: 9.1, middlePercent: 11, published: true },
  { year: 2022, poorPercent: 9.5, nearPoorPercent: 8.6, middlePercent: 14, published: false },
  { year: 2023, poorPercent: 6.4, nearPoorPercent: 7.9, middlePercent: 13, published: false },
  { year: 2024, poorPercent: 3.36, nearPoorPercent: 7.3, middlePercent: 12, published: true },
  { year: 2025, poorPercent: 2.32, nearPoorPercent: 6.8, middlePercent: 11, published: true },
];

/** The review rounds of the demo, 2016–2025 (all frozen); the 2026 round is opened empty. */
export const DEMO_ROUND_YEARS: readonly number[] = LANG_SON_DEMO_TARGETS.map((t) => t.year);

export const DEMO_OPEN_ROUND_YEAR = 2026;

/** Households of one round for a target percentage: the count whose rate is nearest to it. */
export function countForPercent(percent: number, households: number): number {
  return Math.round((percent / 100) * households);
}
