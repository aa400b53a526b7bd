import { z } from 'zod';
import { isoDate, unitCode } from './common.schema.ts';
import { unitLevel } from './units.schema.ts';

// Poverty statistics (issue 4; DOMAIN.md §3–§5): figures per unit and round served from the stored aggregates, targets
// and attainment, Alkire–Foster measures, figures re-shown on today's units, and the public page. Shared by the server
// routes and the web client.

const year = z.coerce
  .number({ error: 'Năm phải là một số' })
  .int('Năm phải là số nguyên')
  .min(2000, 'Năm không hợp lệ')
  .max(2100, 'Năm không hợp lệ');

// ---------------------------------------------------------------- figures

export const categoryTallyDto = z.object({ total: z.number(), poor: z.number(), nearPoor: z.number() });

/** What a unit's round adds up to; counts are fractional only in estimated (re-aggregated by share) figures. */
export const householdFiguresDto = z.object({
  total: z.number(),
  poor: z.number(),
  nearPoor: z.number(),
  /** Percent of ALL resident households, two decimals (DOMAIN.md §3). */
  poorRate: z.number(),
  nearPoorRate: z.number(),
  /** Transition code → households (hộ thoát nghèo, nghèo phát sinh, tái nghèo…). */
  transitions: z.record(z.string(), z.number()),
  breakdowns: z.object({
    ethnicMinority: categoryTallyDto,
    femaleHead: categoryTallyDto,
    rural: categoryTallyDto,
    urban: categoryTallyDto,
    meritOrSocialProtection: categoryTallyDto,
  }),
  /** Deprivation indicator → households deprived in it. */
  deprivations: z.record(z.string(), z.number()),
});
export type HouseholdFiguresDto = z.infer<typeof householdFiguresDto>;

/** The three headline Alkire–Foster figures (ratios 0–1) at the stored cut-off. */
export const afHeadlineDto = z.object({ k: z.number(), H: z.number(), A: z.number(), M0: z.number() });

export const attainmentDto = z.object({
  /** Previous round's rate (percent, two decimals), on this round's units. */
  baseline: z.number(),
  rate: z.number(),
  /** Points the rate had to fall. */
  required: z.number(),
  /** baseline − rate, negative when the rate rose. */
  reduction: z.number(),
  attained: z.boolean(),
  basis: z.enum(['band', 'ownTarget']),
  ruleSet: z.string(),
  explanation: z.string(),
});
export type AttainmentDto = z.infer<typeof attainmentDto>;

export const unitRowDto = z.object({
  code: z.string(),
  name: z.string(),
  level: unitLevel,
  parentCode: z.string().nullable(),
  figures: householdFiguresDto,
  af: afHeadlineDto,
  /** Null when there is no previous round, or it used another poverty standard. */
  attainment: attainmentDto.nullable(),
  /** Why there is no attainment, or how the baseline was obtained (re-aggregated, estimated). */
  attainmentNote: z.string().nullable(),
});
export type UnitRowDto = z.infer<typeof unitRowDto>;

export const roundInfoDto = z.object({
  year: z.number(),
  roundId: z.string(),
  standardId: z.string(),
  roundState: z.enum(['open', 'frozen']),
  isDemo: z.boolean(),
  /** The structure the round is computed on: the units in force on this date. */
  referenceDate: z.string(),
  /** When the stored aggregates were last computed. */
  computedAt: z.string().nullable(),
});

export const unitFiguresParams = z.object({ year, code: unitCode });

export const unitFiguresResponse = roundInfoDto.extend({
  ruleSet: z.string(),
  ancestors: z.array(z.object({ code: z.string(), name: z.string(), level: unitLevel })),
  unit: unitRowDto,
  /** The units directly under it on the round's date, in Vietnamese order of their names. */
  children: z.array(unitRowDto),
});
export type UnitFiguresResponse = z.infer<typeof unitFiguresResponse>;

// ---------------------------------------------------------------- trend and targets

export const trendQuery = z.object({
  unitCode: unitCode.optional(),
  from: year.optional(),
  to: year.optional(),
  /** When given, every year is re-aggregated onto the unit as it stands on this date (through its villages). */
  onDate: isoDate.optional(),
});

export const trendPointDto = z.object({
  year: z.number(),
  roundId: z.string(),
  standardId: z.string(),
  total: z.number(),
  poor: z.number(),
  nearPoor: z.number(),
  poorRate: z.number(),
  nearPoorRate: z.number(),
  /** True when part of the figure comes from a partial merge counted by share. */
  estimated: z.boolean(),
  note: z.string().nullable(),
});

export const goalProgressDto = z.object({
  startYear: z.number(),
  startRate: z.number(),
  latestYear: z.number(),
  latestRate: z.number(),
  goalYear: z.number(),
  goalRate: z.number(),
  neededPoints: z.number(),
  reducedPoints: z.number(),
  progressPercent: z.number(),
  reached: z.boolean(),
  explanation: z.string(),
});

export const goalForecastDto = z.object({
  status: z.enum(['onTrack', 'offTrack', 'insufficientData']),
  basis: z.enum(['trend', 'actual']).nullable(),
  projectedRate: z.number().nullable(),
  trendPerYear: z.number().nullable(),
  firstYear: z.number().nullable(),
  lastYear: z.number().nullable(),
  goalYear: z.number(),
  goalRate: z.number(),
  explanation: z.string(),
});

export const trendResponse = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  level: unitLevel,
  onDate: z.string().nullable(),
  ruleSet: z.string(),
  ruleSetTitle: z.string(),
  /** The rule set's bands in words: "tỷ lệ năm trước ≥ 40% → giảm ít nhất 4,00 điểm". */
  bands: z.array(z.string()),
  goal: z.object({
    startYear: z.number(),
    goalYear: z.number(),
    rate: z.number(),
    /** Whose goal it is: the province's own, or the province's goal shown for reference on a lower unit. */
    appliesTo: z.enum(['unit', 'province']),
    note: z.string(),
  }),
  points: z.array(trendPointDto),
  /** The plan's path from the period's first round: each year the band's required reduction, never below 0. */
  targetPath: z.array(z.object({ year: z.number(), rate: z.number() })),
  goalProgress: goalProgressDto.nullable(),
  forecast: goalForecastDto,
});
export type TrendResponse = z.infer<typeof trendResponse>;

export const attainmentLevel = z.enum(['district', 'commune'], { error: 'Cấp phải là district hoặc commune' });

export const attainmentQuery = z.object({
  year,
  level: attainmentLevel,
  /** The units ranked are those of the level under this unit (the province when absent). */
  unitCode: unitCode.optional(),
});

export const attainmentRowDto = z.object({
  /** Position by reduction; null for a unit that cannot be judged (listed last). */
  rank: z.number().nullable(),
  code: z.string(),
  name: z.string(),
  parentName: z.string().nullable(),
  total: z.number(),
  poor: z.number(),
  rate: z.number(),
  baseline: z.number().nullable(),
  required: z.number().nullable(),
  reduction: z.number().nullable(),
  attained: z.boolean().nullable(),
  basis: z.enum(['band', 'ownTarget']).nullable(),
  explanation: z.string(),
  /** The baseline came from old units re-aggregated by share (a partial merge without villages). */
  estimated: z.boolean(),
});
export type AttainmentRowDto = z.infer<typeof attainmentRowDto>;

export const attainmentResponse = z.object({
  year: z.number(),
  level: attainmentLevel,
  unitCode: z.string(),
  unitName: z.string(),
  previousYear: z.number().nullable(),
  ruleSet: z.string(),
  bands: z.array(z.string()),
  /** Own numeric targets of units override the bands; none is recorded yet. */
  ownTargetsNote: z.string(),
  summary: z.object({ units: z.number(), judged: z.number(), attained: z.number() }),
  rows: z.array(attainmentRowDto),
});
export type AttainmentResponse = z.infer<typeof attainmentResponse>;

// ---------------------------------------------------------------- figures on other units

export const onUnitsLevel = z.enum(['province', 'district', 'commune'], {
  error: 'Cấp phải là province, district hoặc commune',
});

export const onUnitsQuery = z.object({
  year,
  /** The units to show the figures on: those in force on this date (the round's own units when absent). */
  onDate: isoDate.optional(),
  level: onUnitsLevel.default('commune'),
  unitCode: unitCode.optional(),
});

const figuresLiteDto = z.object({
  total: z.number(),
  poor: z.number(),
  nearPoor: z.number(),
  poorRate: z.number(),
  nearPoorRate: z.number(),
});

export const onUnitsRowDto = figuresLiteDto.extend({
  code: z.string(),
  name: z.string(),
  estimated: z.boolean(),
  note: z.string().nullable(),
  /** The round's units whose villages now make up this unit, with how many households came from each. */
  predecessors: z.array(z.object({ code: z.string(), name: z.string(), households: z.number() })),
});

export const onUnitsResponse = z.object({
  year: z.number(),
  onDate: z.string(),
  level: onUnitsLevel,
  unitCode: z.string(),
  unitName: z.string(),
  rows: z.array(onUnitsRowDto),
  totals: figuresLiteDto,
  /** Villages of the round that could not be placed on the units of the date, with the reason. */
  unmapped: z.array(z.object({ code: z.string(), name: z.string(), households: z.number(), reason: z.string() })),
});
export type OnUnitsResponse = z.infer<typeof onUnitsResponse>;

// ---------------------------------------------------------------- Alkire–Foster

/** `weights` is JSON: {"water": 2, "latrine": 0.5}; indicators left out weigh 1. */
export const afWeights = z
  .string()
  .max(2000)
  .transform((text, ctx) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'Trọng số phải là JSON, ví dụ {"water": 2}' });
      return z.NEVER;
    }
    const result = z.record(z.string(), z.number()).safeParse(parsed);
    if (!result.success) {
      ctx.addIssue({ code: 'custom', message: 'Trọng số phải là JSON dạng {"mã chỉ số": số}' });
      return z.NEVER;
    }
    return result.data;
  });

export const afQuery = z.object({
  year,
  unitCode,
  k: z.coerce.number({ error: 'Ngưỡng k phải là một số' }).positive('Ngưỡng k phải là số dương').max(100).optional(),
  weights: afWeights.optional(),
});

export const afGroupDto = z.object({
  group: z.string(),
  label: z.string(),
  populationShare: z.number(),
  H: z.number(),
  A: z.number(),
  M0: z.number(),
  /** The group's percentage of the total M0. */
  contributionToM0: z.number(),
  households: z.number(),
  poorHouseholds: z.number(),
});

export const afResponse = z.object({
  year: z.number(),
  unitCode: z.string(),
  unitName: z.string(),
  standardId: z.string(),
  /** stored: the round's aggregates (k = 3, equal weights); computed: on request from the unit's households. */
  source: z.enum(['stored', 'computed']),
  k: z.number(),
  weights: z.record(z.string(), z.number()),
  indicators: z.array(z.object({ code: z.string(), name: z.string(), shortName: z.string(), dimension: z.string() })),
  H: z.number(),
  A: z.number(),
  M0: z.number(),
  censoredHeadcount: z.record(z.string(), z.number()),
  /** Percent of M0 each indicator accounts for; they add up to 100 when M0 > 0. */
  contribution: z.record(z.string(), z.number()),
  households: z.number(),
  poorHouseholds: z.number(),
  decomposition: z.object({
    units: z.array(afGroupDto),
    ethnicMinority: z.array(afGroupDto),
    area: z.array(afGroupDto),
  }),
});
export type AfResponse = z.infer<typeof afResponse>;

// ---------------------------------------------------------------- comparison of two rounds

export const compareQuery = z.object({ unitCode, yearA: year, yearB: year });

export const compareRowDto = z.object({
  code: z.string(),
  name: z.string(),
  level: unitLevel,
  a: householdFiguresDto,
  b: householdFiguresDto,
  /** b − a: counts, and rates in points. */
  change: figuresLiteDto,
  /** The earlier round's figures are shown on the later round's units: estimated when a split was counted by share. */
  estimated: z.boolean(),
  note: z.string().nullable(),
});

export const compareResponse = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  yearA: z.number(),
  yearB: z.number(),
  /** Both rounds are shown on the units in force on this date (the later round's). */
  basisDate: z.string(),
  standards: z.object({ a: z.string(), b: z.string() }),
  note: z.string().nullable(),
  rows: z.array(compareRowDto),
});
export type CompareResponse = z.infer<typeof compareResponse>;

// ---------------------------------------------------------------- public page

/** Without a year, the latest round the province has approved. */
export const publicCommunesQuery = z.object({ year: year.optional() });

/** Cells from fewer households than this are withheld on the public page. */
export const PUBLIC_MIN_HOUSEHOLDS = 5;

export const publicCommuneDto = z.object({
  code: z.string(),
  name: z.string(),
  districtName: z.string().nullable(),
  households: z.number().nullable(),
  poor: z.number().nullable(),
  nearPoor: z.number().nullable(),
  poorRate: z.number().nullable(),
  nearPoorRate: z.number().nullable(),
  /** True when the cells are withheld because fewer than PUBLIC_MIN_HOUSEHOLDS households stand behind them. */
  suppressed: z.boolean(),
  trend: z.array(
    z.object({
      year: z.number(),
      poorRate: z.number().nullable(),
      nearPoorRate: z.number().nullable(),
      suppressed: z.boolean(),
      estimated: z.boolean(),
    }),
  ),
});

export const publicCommunesResponse = z.object({
  year: z.number(),
  standardId: z.string(),
  isDemo: z.boolean(),
  /** Years with approved results, for the year picker. */
  years: z.array(z.number()),
  minHouseholds: z.number(),
  note: z.string(),
  province: publicCommuneDto.omit({ trend: true, districtName: true }),
  communes: z.array(publicCommuneDto),
});
export type PublicCommunesResponse = z.infer<typeof publicCommunesResponse>;

export const geoLayerNames = ['communes-2025', 'districts-2019'] as const;
export const geoLayerParams = z.object({
  layer: z.enum(geoLayerNames, { error: `Lớp bản đồ phải là một trong: ${geoLayerNames.join(', ')}` }),
});
export type GeoLayerName = (typeof geoLayerNames)[number];
