// Demo villages (thôn, bản, khối phố) for demo mode. Villages have no national code (DOMAIN.md §1): the product
// names them `<communeCode>-<nn>` under the commune they were created in, and they are marked isDemo.
//
// Pure given a seed: the same reference data and seed always give the same villages. Each village follows its
// commune through the mergers: when the commune is merged into another, the village gets a new version under the
// successor from the effective date; when a commune is split (merge_partial in NQ 1672/NQ-UBTVQH15), each of its
// villages goes whole to one of the successors, so that figures kept by village re-aggregate exactly.

import { dayBefore, isInForce } from '../../domain/units/iso-dates.ts';
import { movesTerritory, movesWholeUnit } from '../../domain/units/validate-unit-data.ts';
import type { IsoDate, LineageEvent, UnitVersion } from '../../domain/units/unit-types.ts';

export interface DemoVillageOptions {
  /** Seed of the pseudo-random generator; the default gives the villages of the shipped demo. */
  seed?: number;
  /** The date on which the villages are created under the communes then in force. */
  startDate?: IsoDate;
  /** Villages per commune, drawn uniformly between the two bounds (about 10 on average, DOMAIN.md §1: ~2,314). */
  minPerCommune?: number;
  maxPerCommune?: number;
}

/** The plan's number, 165/KH-UBND. */
export const DEMO_VILLAGE_SEED = 165;

/** mulberry32: a small, well-mixed 32-bit generator; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a, so that each commune draws from its own stream and one commune's villages do not depend on another's. */
function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

// Place-name elements of the Tày and Nùng languages spoken in Lạng Sơn (nà: rice field, khuổi: stream, pác: mouth,
// cốc: foot of, phai: weir, lũng: valley, pò: hill, nặm: water, kéo: pass, khau: mountain, bó: spring…).
const HEADS = [
  'Nà',
  'Khuổi',
  'Pác',
  'Cốc',
  'Phai',
  'Lũng',
  'Pò',
  'Còn',
  'Nặm',
  'Kéo',
  'Khau',
  'Bó',
  'Khòn',
  'Thâm',
  'Co',
];
const TAILS = [
  'Pàn',
  'Mò',
  'Làng',
  'Lạn',
  'Tà',
  'Phạ',
  'Mạ',
  'Vài',
  'Quang',
  'Cáp',
  'Sao',
  'Pha',
  'Khuông',
  'Nọi',
  'Luông',
  'Hin',
  'Phầy',
  'Pục',
  'Vằn',
  'Ngàn',
  'Riềng',
  'Tồng',
  'Cọ',
  'Thuông',
  'Mu',
  'Hao',
  'Slam',
  'Lìn',
  'Bâng',
  'Moóc',
];
// Names given to new settlements since the 1960s, common across the province.
const KINH_NAMES = [
  'Đồng Tâm',
  'Tân Lập',
  'Hợp Tiến',
  'Trung Tâm',
  'Tiến Bộ',
  'Đoàn Kết',
  'Quyết Tiến',
  'Hòa Bình',
  'Liên Hợp',
  'Phố Mới',
  'Tân Thành',
  'Đồng Tiến',
  'Thống Nhất',
  'Bình Minh',
  'Quyết Thắng',
];

interface VillageState {
  code: string;
  name: string;
  parentCode: string;
  /** The open version of the village. */
  current: UnitVersion;
}

function shortName(commune: UnitVersion): string {
  return commune.name.startsWith(`${commune.kind} `)
    ? commune.name.slice(commune.kind.length + 1)
    : commune.name;
}

function draftVillages(
  commune: UnitVersion,
  seed: number,
  min: number,
  max: number,
): { name: string; kind: string }[] {
  const random = mulberry32((seed ^ hashText(commune.code)) >>> 0);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const count = min + Math.floor(random() * (max - min + 1));
  // Towns and wards are divided into numbered khối (khối phố).
  if (commune.kind === 'Phường' || commune.kind === 'Thị trấn') {
    return Array.from({ length: count }, (_, i) => ({ name: `Khối ${i + 1}`, kind: 'Khối phố' }));
  }
  const names = new Set<string>();
  const drafts: { name: string; kind: string }[] = [];
  while (drafts.length < count) {
    const kind = random() < 0.45 ? 'Bản' : 'Thôn';
    const place = kind === 'Thôn' && random() < 0.3 ? pick(KINH_NAMES) : `${pick(HEADS)} ${pick(TAILS)}`;
    const name = `${kind} ${place}`;
    if (names.has(place)) continue;
    names.add(place);
    drafts.push({ name, kind });
  }
  return drafts;
}

export function generateDemoVillages(
  reference: { versions: readonly UnitVersion[]; events: readonly LineageEvent[] },
  options: DemoVillageOptions = {},
): UnitVersion[] {
  const seed = options.seed ?? DEMO_VILLAGE_SEED;
  const startDate = options.startDate ?? '2016-01-01';
  const min = options.minPerCommune ?? 8;
  const max = options.maxPerCommune ?? 12;

  const communes = reference.versions
    .filter((v) => v.level === 'commune' && isInForce(v, startDate))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const output: UnitVersion[] = [];
  const villages: VillageState[] = [];
  for (const commune of communes) {
    draftVillages(commune, seed, min, max).forEach((draft, i) => {
      const code = `${commune.code}-${String(i + 1).padStart(2, '0')}`;
      const current: UnitVersion = {
        code,
        name: draft.name,
        level: 'village',
        kind: draft.kind,
        parentCode: commune.code,
        validFrom: startDate,
        validTo: null,
        legalBasis: null,
        isDemo: true,
      };
      output.push(current);
      villages.push({ code, name: draft.name, parentCode: commune.code, current });
    });
  }

  const moves = reference.events.filter((e) => movesTerritory(e) && e.effectiveDate > startDate);
  const stepDates = [...new Set(moves.map((e) => e.effectiveDate))].sort();
  for (const date of stepDates) {
    const todays = moves.filter((e) => e.effectiveDate === date);
    const targetOf = new Map<VillageState, string>();
    const byParent = new Map<string, VillageState[]>();
    for (const village of villages)
      byParent.set(village.parentCode, [...(byParent.get(village.parentCode) ?? []), village]);
    for (const [parentCode, group] of byParent) {
      const out = todays.filter((e) => e.fromCode === parentCode);
      if (out.length === 0) continue;
      const whole = out.find(movesWholeUnit);
      if (whole) {
        for (const village of group) targetOf.set(village, whole.toCode);
        continue;
      }
      // A commune split between several successors: deal its villages out in turn, starting from a successor
      // chosen by the seed, so that each successor receives some and each village goes whole to one.
      const targets = [...new Set(out.map((e) => e.toCode))].sort();
      const offset = Math.floor(
        mulberry32((seed ^ hashText(`${parentCode}@${date}`)) >>> 0)() * targets.length,
      );
      group.forEach((village, i) => targetOf.set(village, targets[(i + offset) % targets.length] as string));
    }

    // Names stay unique under each commune: a village that arrives where its name is taken adds its old commune's
    // name ("Khối 3 (Vĩnh Trại)"), as officers do when they list the merged villages side by side.
    const taken = new Map<string, Set<string>>();
    const namesUnder = (code: string) => {
      let set = taken.get(code);
      if (!set) taken.set(code, (set = new Set()));
      return set;
    };
    for (const village of villages) {
      const target = targetOf.get(village) ?? village.parentCode;
      if (target === village.parentCode) namesUnder(target).add(village.name);
    }
    const communeBefore = (code: string) =>
      reference.versions.find((v) => v.code === code && isInForce(v, dayBefore(date))) as UnitVersion;
    for (const village of villages) {
      const target = targetOf.get(village);
      if (target === undefined || target === village.parentCode) continue;
      const names = namesUnder(target);
      let name = village.name;
      if (names.has(name)) {
        const base = `${village.name} (${shortName(communeBefore(village.parentCode))})`;
        name = base;
        for (let n = 2; names.has(name); n += 1) name = `${base} ${n}`;
      }
      names.add(name);
      const event = todays.find(
        (e) => e.fromCode === village.parentCode && e.toCode === target,
      ) as LineageEvent;
      village.current.validTo = date;
      const next: UnitVersion = {
        ...village.current,
        name,
        parentCode: target,
        validFrom: date,
        validTo: null,
        legalBasis: event.legalBasis,
      };
      output.push(next);
      village.current = next;
      village.parentCode = target;
      village.name = name;
    }
  }
  return output;
}
