import { describe, expect, it } from 'vitest';
import { classifyHousehold } from './classify-household.ts';
import { deriveDeprivations } from './derive-deprivations.ts';
import type { DerivedDeprivation } from './derive-deprivations.ts';
import { mergeDeprivations, TICKED_CAUSE, toClassificationDeprivations } from './merge-deprivations.ts';
import { PovertyRuleError } from './poverty-errors.ts';
import { QD59_2015 } from './standards.ts';

const derived: DerivedDeprivation[] = [
  { code: 'health_insurance', name: 'Bảo hiểm y tế', cause: 'Nguyễn Văn A, 34 tuổi, không có thẻ BHYT' },
  { code: 'latrine', name: 'Hố xí/nhà tiêu hợp vệ sinh', cause: 'hộ không có nhà tiêu hợp vệ sinh' },
];

describe('deprivations from facts, Phiếu B part B2 ticks and officer overrides', () => {
  it('takes the union of derived and ticked, keeping the derived cause when both agree', () => {
    const merged = mergeDeprivations(derived, ['latrine', 'telecom']);
    expect(merged.deprivations).toEqual([
      { code: 'health_insurance', cause: 'Nguyễn Văn A, 34 tuổi, không có thẻ BHYT', source: 'derived' },
      { code: 'latrine', cause: 'hộ không có nhà tiêu hợp vệ sinh', source: 'derived' },
      { code: 'telecom', cause: TICKED_CAUSE, source: 'ticked' },
    ]);
    expect(merged.overrides).toEqual([]);
  });

  it('an officer adds a deprivation with a reason, and removes another with a reason; both are listed for the audit', () => {
    const merged = mergeDeprivations(
      derived,
      [],
      [
        { code: 'water', deprived: true, reason: '  Giếng nhiễm phèn, đã kiểm tra thực tế  ' },
        { code: 'latrine', deprived: false, reason: 'Hộ đã xây nhà tiêu tự hoại tháng 9/2017' },
      ],
    );
    expect(merged.deprivations.map((d) => [d.code, d.source])).toEqual([
      ['health_insurance', 'derived'],
      ['water', 'override'],
    ]);
    expect(merged.deprivations[1]?.cause).toBe('cán bộ điều chỉnh: Giếng nhiễm phèn, đã kiểm tra thực tế');
    expect(merged.overrides).toEqual([
      { code: 'water', deprived: true, reason: 'Giếng nhiễm phèn, đã kiểm tra thực tế', before: null },
      {
        code: 'latrine',
        deprived: false,
        reason: 'Hộ đã xây nhà tiêu tự hoại tháng 9/2017',
        before: { code: 'latrine', cause: 'hộ không có nhà tiêu hợp vệ sinh', source: 'derived' },
      },
    ]);
  });

  it.each([
    { situation: 'empty reason', reason: '' },
    { situation: 'blank reason', reason: '   ' },
    { situation: 'missing reason', reason: undefined as unknown as string },
  ])('rejects an override with $situation', ({ reason }) => {
    try {
      mergeDeprivations(derived, [], [{ code: 'latrine', deprived: false, reason }]);
      expect.unreachable('an override without a reason must be rejected');
    } catch (error) {
      expect(error).toBeInstanceOf(PovertyRuleError);
      expect((error as PovertyRuleError).code).toBe('override_without_reason');
      expect((error as PovertyRuleError).message).toBe(
        'Điều chỉnh chỉ số thiếu hụt "latrine" phải ghi rõ lý do.',
      );
    }
  });

  it('rejects two overrides of the same indicator at once', () => {
    expect(() =>
      mergeDeprivations(
        derived,
        [],
        [
          { code: 'water', deprived: true, reason: 'a' },
          { code: 'water', deprived: false, reason: 'b' },
        ],
      ),
    ).toThrow(expect.objectContaining({ code: 'duplicate_override' }));
  });

  it('an override can change the category, and the classification keeps every cause', () => {
    const facts = {
      members: [{ name: 'Vi Văn Lợi', birthYear: 1980, hasHealthInsurance: false }],
      dwelling: { hygienicLatrine: false, hygienicWater: true },
      telecom: { anyMemberUsesPhone: true },
    };
    const derivation = deriveDeprivations(QD59_2015, facts, '2017-10-01');
    const input = { area: 'rural' as const, incomePerCapita: 900_000 };
    const before = classifyHousehold(QD59_2015, {
      ...input,
      ...toClassificationDeprivations(mergeDeprivations(derivation.deprivations, [])),
    });
    expect(before.category).toBe('near_poor');

    const merged = mergeDeprivations(
      derivation.deprivations,
      ['information_assets'],
      [{ code: 'water', deprived: true, reason: 'Nước giếng đục sau lũ, chưa xử lý' }],
    );
    const after = classifyHousehold(QD59_2015, { ...input, ...toClassificationDeprivations(merged) });
    expect(after.category).toBe('poor');
    expect(after.deprivations.map((d) => d.cause)).toEqual([
      'Vi Văn Lợi, 37 tuổi, không có thẻ BHYT',
      'cán bộ điều chỉnh: Nước giếng đục sau lũ, chưa xử lý',
      'hộ không có nhà tiêu hợp vệ sinh',
      TICKED_CAUSE,
    ]);
  });
});
