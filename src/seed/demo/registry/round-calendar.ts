// The demo review rounds and each commune's way through the procedure (Thông tư 17/2016/TT-BLĐTBXH; Quyết định
// 24/2021/QĐ-TTg): lists drafted in September, village meetings, public posting, complaints, the commune's report,
// the district's opinion while districts exist (until 01/07/2025), and the province's approving decision in
// December. Past rounds are frozen; the 2026 round is open and empty for the commune officers to work in.

import { addWorkingDays, isWorkingDay } from '../../../domain/calendar/working-days.ts';
import { standardForReviewYear, type PovertyStandard } from '../../../domain/poverty/index.ts';
import type { Complaint, RoundSteps } from '../../../domain/review/round-workflow.ts';
import { DEMO_OPEN_ROUND_YEAR, DEMO_ROUND_YEARS } from './calibration-targets.ts';
import { createRandom, streamSeed, type Random } from './demo-random.ts';
import { drawFamilyName, drawFullName } from './vietnamese-names.ts';

export interface DemoRound {
  readonly year: number;
  readonly standard: PovertyStandard;
  readonly state: 'frozen' | 'open';
  readonly openedOn: string;
  readonly decisionNumber: string | null;
  readonly decisionDate: string | null;
  /** The units of the round are those in force on this date (31/12 for a past round, the opening day otherwise). */
  readonly unitsDate: string;
}

/** The province's approving decision of the 2017 review (DOMAIN.md §3) — the one real number in the demo. */
export const DECISION_2017 = { number: '2426/QĐ-UBND', date: '2017-12-16' } as const;

export const OPEN_ROUND_OPENED_ON = `${DEMO_OPEN_ROUND_YEAR}-09-01`;

/** The standard of each round follows the rule catalogue: QĐ 59/2015 for 2016–2021, NĐ 07/2021 for 2022–2026. */
export function planDemoRounds(seed: number): DemoRound[] {
  const frozen = DEMO_ROUND_YEARS.map((year): DemoRound => {
    const random = createRandom(streamSeed(seed, 'round', year));
    let decisionNumber: string;
    let decisionDate: string;
    if (year === 2017) {
      decisionNumber = DECISION_2017.number;
      decisionDate = DECISION_2017.date;
    } else {
      // Demo decisions: a plausible number marked "(mẫu)", on a working day in the second half of December.
      decisionNumber = `${random.int(2050, 2650)}/QĐ-UBND (mẫu)`;
      decisionDate = `${year}-12-${String(random.int(12, 26)).padStart(2, '0')}`;
      while (!isWorkingDay(decisionDate)) decisionDate = addWorkingDays(decisionDate, 1);
    }
    return {
      year,
      standard: standardForReviewYear(year),
      state: 'frozen',
      openedOn: `${year}-09-01`,
      decisionNumber,
      decisionDate,
      unitsDate: `${year}-12-31`,
    };
  });
  return [
    ...frozen,
    {
      year: DEMO_OPEN_ROUND_YEAR,
      standard: standardForReviewYear(DEMO_OPEN_ROUND_YEAR),
      state: 'open',
      openedOn: OPEN_ROUND_OPENED_ON,
      decisionNumber: null,
      decisionDate: null,
      unitsDate: OPEN_ROUND_OPENED_ON,
    },
  ];
}

const COMPLAINTS = [
  'Đề nghị xem xét lại việc hộ không có tên trong danh sách hộ cận nghèo',
  'Đề nghị phúc tra thu nhập của một hộ có tên trong danh sách hộ nghèo',
  'Hỏi về điều kiện được vay vốn khi ra khỏi danh sách hộ nghèo',
];
const OUTCOMES = [
  'Đã phúc tra bằng Phiếu B; giữ nguyên kết quả bình xét',
  'Đã phúc tra; bổ sung hộ vào danh sách hộ cận nghèo',
  'Đã giải thích chính sách tại hội nghị thôn; người khiếu nại đồng ý',
];

function personName(random: Random): string {
  const sex = random.chance(0.6) ? 'male' : 'female';
  const people = random.chance(0.5) ? 'Tày' : 'Nùng';
  return drawFullName(random, drawFamilyName(random, people), people, sex, random.int(1965, 1985));
}

/** The recorded steps of a commune in a frozen round, each on a working day, all before the province's decision. */
export function frozenCommuneSteps(
  round: DemoRound,
  commune: { readonly code: string; readonly name: string },
  hasDistricts: boolean,
  seed: number,
): RoundSteps {
  const communeCode = commune.code;
  const communeName = commune.name;
  if (round.decisionDate === null) throw new Error(`Kỳ rà soát ${round.year} chưa có quyết định phê duyệt.`);
  const random = createRandom(streamSeed(seed, 'commune-steps', round.year, communeCode));
  const listsDraftedOn = addWorkingDays(`${round.year}-09-10`, random.int(2, 14));
  const meetingDate = addWorkingDays(listsDraftedOn, random.int(3, 10));
  const postingFrom = addWorkingDays(meetingDate, 1);
  // At least 3 working days of public posting (configurable); communes usually post for a week or more.
  const postingTo = addWorkingDays(postingFrom, random.int(4, 8));
  const complaints: Complaint[] = [];
  if (random.chance(0.3)) {
    const receivedOn = addWorkingDays(postingFrom, random.int(0, 3));
    complaints.push({
      receivedOn,
      from: personName(random),
      content: random.pick(COMPLAINTS),
      outcome: random.pick(OUTCOMES),
      settledOn: addWorkingDays(postingTo, random.int(0, 2)),
    });
  }
  const submittedOn = addWorkingDays(postingTo, random.int(3, 6));
  const steps: RoundSteps = {
    listsDraftedOn,
    meeting: {
      date: meetingDate,
      attendees: random.int(40, 180),
      chair: `${personName(random)}, Phó Chủ tịch UBND ${communeName}`,
      minutes:
        `Các thôn, khối phố của ${communeName} đã họp dân bình xét hộ nghèo, hộ cận nghèo năm ${round.year}; ` +
        'hội nghị thống nhất danh sách dự kiến để niêm yết công khai (biên bản mẫu).',
    },
    posting: {
      from: postingFrom,
      to: postingTo,
      place: `Trụ sở UBND ${communeName} và nhà văn hóa các thôn, khối phố`,
    },
    complaints,
    submittedOn,
    approvedOn: round.decisionDate,
  };
  // The district level gave its opinion until it was abolished on 01/07/2025 (NQ 1672/NQ-UBTVQH15).
  if (hasDistricts) {
    steps.districtOpinion = {
      on: addWorkingDays(submittedOn, random.int(3, 8)),
      opinion: 'Thống nhất kết quả rà soát hộ nghèo, hộ cận nghèo của xã.',
    };
  }
  return steps;
}
