// What a demo household received and asked for around its assessments: loans from the Bank for Social Policies
// (criterion 5b.4: amount, purpose, used as intended, interest and principal on time), voluntary escape
// registrations (tự nguyện đăng ký thoát nghèo, criterion 5b.1) and in-year applications ("phát sinh", decided by
// the commune chairman within 7 working days, DOMAIN.md §3). Nothing is dated after `today`.

import { addWorkingDays } from '../../../domain/calendar/working-days.ts';
import type { PovertyCategory, TransitionCode } from '../../../domain/poverty/index.ts';
import type { Random } from './demo-random.ts';

export interface RoundOutcome {
  readonly year: number;
  readonly category: PovertyCategory;
  readonly transition: TransitionCode;
}

export interface DemoLoan {
  readonly amount: number;
  readonly purpose: string;
  readonly disbursedOn: string;
  readonly dueOn: string;
  readonly usedAsIntended: boolean;
  readonly interestOnTime: boolean;
  readonly principalOnTime: boolean;
  readonly repaidOn: string | null;
}

export interface DemoEscapeRegistration {
  readonly year: number;
  readonly registeredOn: string;
  readonly note: string;
}

export type ApplicationKind = 'enter_poor' | 'enter_near_poor' | 'leave';

export interface DemoInYearApplication {
  readonly kind: ApplicationKind;
  readonly appliedOn: string;
  /** 7 working days after the application (the commune chairman's deadline) */
  readonly deadlineOn: string;
  readonly decidedOn: string | null;
  readonly outcome: 'accepted' | 'refused' | null;
  readonly reason: string | null;
}

const DAY = 86_400_000;

export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function msOf(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

/** A day between the two dates, both included. */
export function dateBetween(random: Random, from: string, to: string): string {
  const a = msOf(from);
  const b = msOf(to);
  return isoDate(a + random.int(0, Math.max(0, Math.round((b - a) / DAY))) * DAY);
}

function addYears(date: string, years: number): string {
  const d = new Date(msOf(date));
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return isoDate(d.getTime());
}

function addDays(date: string, days: number): string {
  return isoDate(msOf(date) + days * DAY);
}

const LOAN_PURPOSES: readonly (readonly [string, number])[] = [
  ['Chăn nuôi trâu, bò sinh sản', 25],
  ['Chăn nuôi lợn, gia cầm', 15],
  ['Trồng trọt (hồi, quế, thạch đen)', 18],
  ['Trồng rừng sản xuất', 8],
  ['Làm mới, sửa chữa nhà ở', 10],
  ['Học tập (cho con là học sinh, sinh viên)', 8],
  ['Nước sạch và vệ sinh môi trường nông thôn', 8],
  ['Sản xuất, kinh doanh nhỏ', 8],
];

/**
 * Loans to poor and near-poor households, disbursed in the year after the round that listed them; about 30 % of
 * them hold a loan at any time (terms of 3–5 years). A poor household about to escape borrowed more often.
 */
export function drawLoans(random: Random, history: readonly RoundOutcome[], today: string): DemoLoan[] {
  const loans: DemoLoan[] = [];
  history.forEach((round, i) => {
    if (round.category !== 'poor' && round.category !== 'near_poor') return;
    const escapesSoon = history.slice(i + 1, i + 3).some((later) => later.category !== 'poor');
    // At its first round a household may already hold a loan taken in the years before.
    const first = i === 0;
    const probability = first ? 0.25 : round.category === 'poor' ? (escapesSoon ? 0.14 : 0.08) : 0.07;
    if (!random.chance(probability)) return;
    const year = round.year + 1;
    const disbursedOn = first
      ? dateBetween(random, `${round.year - 2}-02-01`, `${round.year}-11-30`)
      : dateBetween(random, `${year}-02-01`, `${year}-11-30`);
    if (disbursedOn > today) return;
    // One loan of the programme at a time.
    if (
      loans.some(
        (loan) => loan.dueOn > disbursedOn && (loan.repaidOn === null || loan.repaidOn > disbursedOn),
      )
    )
      return;
    const dueOn = addYears(
      disbursedOn,
      random.weighted([
        [3, 30],
        [4, 30],
        [5, 40],
      ]),
    );
    // Demo ceilings: 50 million đ a household before 2019, 100 million đ since.
    const ceiling = Number(disbursedOn.slice(0, 4)) >= 2019 ? 100 : 50;
    const amount = random.int(4, ceiling / 5) * 5_000_000;
    const usedAsIntended = random.chance(0.93);
    const interestOnTime = random.chance(usedAsIntended ? 0.92 : 0.6);
    let principalOnTime = true;
    let repaidOn: string | null = null;
    if (dueOn <= today) {
      principalOnTime = random.chance(usedAsIntended ? 0.9 : 0.55);
      if (principalOnTime) {
        const early = addDays(dueOn, -random.int(0, 90));
        repaidOn = early > disbursedOn ? early : dueOn;
      } else if (random.chance(0.5)) {
        const late = addDays(dueOn, random.int(20, 300));
        repaidOn = late <= today ? late : null;
      }
    } else if (escapesSoon && random.chance(0.1)) {
      const from = addDays(disbursedOn, 365);
      if (from <= today) repaidOn = dateBetween(random, from, today);
    }
    loans.push({
      amount,
      purpose: random.weighted(LOAN_PURPOSES),
      disbursedOn,
      dueOn,
      usedAsIntended,
      interestOnTime,
      principalOnTime,
      repaidOn,
    });
  });
  return loans;
}

const REGISTRATION_NOTES = [
  'Cam kết thoát nghèo nhờ chăn nuôi bò sinh sản',
  'Cam kết thoát nghèo nhờ trồng và chăm sóc rừng hồi, quế',
  'Có con đi làm công nhân, cam kết thoát nghèo',
  'Cam kết thoát nghèo bền vững sau khi được vay vốn ưu đãi',
  'Mở rộng trồng thạch đen, cam kết thoát nghèo',
];

/**
 * Voluntary escape registrations: in the first months of a year, about 5 % of the households poor in the previous
 * round sign up to escape; most of those who did escaped in that year's round.
 */
export function drawEscapeRegistrations(
  random: Random,
  history: readonly RoundOutcome[],
  openYear: number,
  today: string,
): DemoEscapeRegistration[] {
  const registrations: DemoEscapeRegistration[] = [];
  history.forEach((round, i) => {
    if (round.category !== 'poor') return;
    const year = round.year + 1;
    const next = history[i + 1];
    let probability: number;
    if (next && next.year === year) probability = next.category === 'poor' ? 0.025 : 0.14;
    else if (year === openYear) probability = 0.05;
    else return;
    if (!random.chance(probability)) return;
    const registeredOn = dateBetween(random, `${year}-01-15`, `${year}-05-31`);
    if (registeredOn > today) return;
    registrations.push({ year, registeredOn, note: random.pick(REGISTRATION_NOTES) });
  });
  return registrations;
}

const REFUSALS = [
  'Kết quả rà soát bằng Phiếu B: thu nhập bình quân đầu người cao hơn chuẩn nghèo',
  'Hộ không thiếu hụt đủ 3 chỉ số dịch vụ xã hội cơ bản',
  'Hộ có tài sản giá trị lớn (xe ô tô), không đủ điều kiện',
];

function decide(
  random: Random,
  kind: ApplicationKind,
  appliedOn: string,
  today: string,
  accept: boolean,
): DemoInYearApplication {
  // The commune verifies with Phiếu B and the chairman decides within 7 working days (DOMAIN.md §3).
  const deadlineOn = addWorkingDays(appliedOn, 7);
  const decidedOn = addWorkingDays(appliedOn, random.int(3, 7));
  if (decidedOn > today) return { kind, appliedOn, deadlineOn, decidedOn: null, outcome: null, reason: null };
  return accept
    ? { kind, appliedOn, deadlineOn, decidedOn, outcome: 'accepted', reason: null }
    : { kind, appliedOn, deadlineOn, decidedOn, outcome: 'refused', reason: random.pick(REFUSALS) };
}

/**
 * A few in-year applications in 2025 and 2026: households that became poor or near-poor in the 2025 round had
 * applied in the months before it, some that escaped asked to leave the list, a few applications were refused;
 * in 2026 some households apply after the 2025 round, and the latest are still waiting for a decision.
 */
export function drawInYearApplications(
  random: Random,
  history: readonly RoundOutcome[],
  lastRoundYear: number,
  today: string,
): DemoInYearApplication[] {
  const last = history.at(-1);
  if (!last || last.year !== lastRoundYear) return [];
  const inLastYear = (from: string, to: string): string | null => {
    const date = dateBetween(random, `${lastRoundYear}-${from}`, `${lastRoundYear}-${to}`);
    return date <= today ? date : null;
  };
  if ((last.transition === 'new_poor' || last.transition === 'relapsed') && random.chance(0.15)) {
    const appliedOn = inLastYear('02-01', '08-20');
    return appliedOn ? [decide(random, 'enter_poor', appliedOn, today, true)] : [];
  }
  if (
    (last.transition === 'new_near_poor' || last.transition === 'relapsed_near_poor') &&
    random.chance(0.08)
  ) {
    const appliedOn = inLastYear('02-01', '08-20');
    return appliedOn ? [decide(random, 'enter_near_poor', appliedOn, today, true)] : [];
  }
  if (last.transition === 'escaped' && random.chance(0.05)) {
    const appliedOn = inLastYear('03-01', '08-20');
    return appliedOn ? [decide(random, 'leave', appliedOn, today, true)] : [];
  }
  if ((last.category === 'middle' || last.category === 'not_poor') && random.chance(0.0008)) {
    const appliedOn = inLastYear('02-01', '08-20');
    return appliedOn ? [decide(random, 'enter_poor', appliedOn, today, false)] : [];
  }
  // After the last round: the open year's applications, the most recent still pending.
  const openYear = lastRoundYear + 1;
  const kind: ApplicationKind | null =
    last.category === 'poor'
      ? random.chance(0.01)
        ? 'leave'
        : null
      : random.chance(0.003)
        ? last.category === 'near_poor'
          ? 'enter_poor'
          : random.chance(0.5)
            ? 'enter_poor'
            : 'enter_near_poor'
        : null;
  if (kind === null) return [];
  const end = today < `${openYear}-12-15` ? today : `${openYear}-12-15`;
  if (end < `${openYear}-01-05`) return [];
  const recent = addDays(end, -10) > `${openYear}-01-05` ? addDays(end, -10) : `${openYear}-01-05`;
  const appliedOn = random.chance(0.25)
    ? dateBetween(random, recent, end)
    : dateBetween(random, `${openYear}-01-05`, end);
  return [decide(random, kind, appliedOn, today, random.chance(0.8))];
}
