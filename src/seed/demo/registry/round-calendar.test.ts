import { describe, expect, it } from 'vitest';
import {
  applyRoundAction,
  type CommuneRoundState,
  type RoundAction,
  type RoundSteps,
} from '../../../domain/review/round-workflow.ts';
import { frozenCommuneSteps, planDemoRounds } from './round-calendar.ts';

const rounds = planDemoRounds(2017);

describe('demo review rounds', () => {
  it.each([
    { year: 2016, standard: 'qd59-2015', state: 'frozen' },
    { year: 2017, standard: 'qd59-2015', state: 'frozen' },
    { year: 2021, standard: 'qd59-2015', state: 'frozen' },
    { year: 2022, standard: 'nd07-2021', state: 'frozen' },
    { year: 2025, standard: 'nd07-2021', state: 'frozen' },
    // DOMAIN.md §2: the 2026 review still uses NĐ 07/2021.
    { year: 2026, standard: 'nd07-2021', state: 'open' },
  ])('$year: $standard, $state', ({ year, standard, state }) => {
    const round = rounds.find((r) => r.year === year);
    expect(round?.standard.id).toBe(standard);
    expect(round?.state).toBe(state);
  });

  it('2017 carries the province’s real decision, other years a December decision marked as a sample', () => {
    const r2017 = rounds.find((r) => r.year === 2017);
    expect(r2017?.decisionNumber).toBe('2426/QĐ-UBND');
    expect(r2017?.decisionDate).toBe('2017-12-16');
    for (const round of rounds.filter((r) => r.state === 'frozen' && r.year !== 2017)) {
      expect(round.decisionNumber).toMatch(/^\d+\/QĐ-UBND \(mẫu\)$/u);
      expect(round.decisionDate?.slice(0, 8)).toBe(`${round.year}-12-`);
    }
  });

  it('opens the 2026 round on 01/09/2026 without a decision', () => {
    const open = rounds.find((r) => r.state === 'open');
    expect(open).toMatchObject({
      year: 2026,
      openedOn: '2026-09-01',
      decisionNumber: null,
      decisionDate: null,
    });
  });
});

/** Replays the recorded steps through the procedure's own rules; returns the final state or the refusal. */
function replay(steps: RoundSteps, hasDistricts: boolean): CommuneRoundState | string {
  let state: CommuneRoundState = 'open';
  let current: RoundSteps = {};
  const act = (action: RoundAction, today: string) => {
    const result = applyRoundAction(state, current, action, { today, hasDistricts, postingWorkingDays: 3 });
    if (!result.ok) throw new Error(result.message);
    state = result.state;
    current = result.steps;
  };
  try {
    act({ type: 'draft_lists' }, steps.listsDraftedOn ?? '');
    const meeting = steps.meeting;
    const posting = steps.posting;
    if (!meeting || !posting) return 'thiếu họp dân hoặc niêm yết';
    act({ type: 'record_meeting', ...meeting }, meeting.date);
    act({ type: 'post_list', ...posting }, posting.from);
    act({ type: 'settle_complaints', complaints: steps.complaints ?? [] }, posting.to);
    act({ type: 'submit' }, steps.submittedOn ?? '');
    if (hasDistricts)
      act(
        { type: 'district_review', opinion: steps.districtOpinion?.opinion ?? '' },
        steps.districtOpinion?.on ?? '',
      );
    act({ type: 'province_approve' }, steps.approvedOn ?? '');
    act({ type: 'freeze' }, steps.approvedOn ?? '');
    return state;
  } catch (error) {
    return (error as Error).message;
  }
}

describe('each commune’s recorded steps in a frozen round', () => {
  const cases = rounds
    .filter((r) => r.state === 'frozen')
    .flatMap((round) => [
      { round, hasDistricts: round.year <= 2024, code: '06187', name: 'Xã Hữu Khánh' },
      { round, hasDistricts: round.year <= 2024, code: '05971', name: 'Phường Hoàng Văn Thụ' },
    ]);

  it.each(cases)(
    '$round.year $name: passes the procedure from open to frozen, in order',
    ({ round, hasDistricts, code, name }) => {
      const steps = frozenCommuneSteps(round, { code, name }, hasDistricts, 2017);
      expect(replay(steps, hasDistricts)).toBe('frozen');
      expect(steps.approvedOn).toBe(round.decisionDate);
      expect(steps.meeting?.minutes).toContain(name);
      expect(steps.districtOpinion === undefined).toBe(!hasDistricts);
      const dates = [
        steps.listsDraftedOn,
        steps.meeting?.date,
        steps.posting?.from,
        steps.posting?.to,
        steps.submittedOn,
      ];
      expect([...dates].sort()).toEqual(dates);
      expect((steps.submittedOn ?? '') < (round.decisionDate ?? '')).toBe(true);
    },
  );
});
