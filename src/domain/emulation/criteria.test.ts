import { describe, expect, it } from 'vitest';
import { compareCriterionCodes, decideCriteriaChange, validateCriteriaSet, type CriterionDefinition } from './criteria.ts';

const c = (code: string, extra: Partial<CriterionDefinition> = {}): CriterionDefinition => ({
  code,
  participantType: 'commune',
  text: 'Giảm tỷ lệ hộ nghèo trên địa bàn hằng năm đạt mục tiêu đề ra.',
  maxPoints: 25,
  kind: 'evidence',
  formulaId: null,
  params: {},
  feeds: [],
  ...extra,
});

describe('validateCriteriaSet', () => {
  const cases = [
    { situation: 'tiêu chí minh chứng hợp lệ', set: [c('3.1')], problems: 0 },
    { situation: 'mã 5b.3 hợp lệ', set: [c('5b.3')], problems: 0 },
    { situation: 'mã sai dạng', set: [c('III-3')], problems: 1 },
    { situation: 'đo lường không có công thức', set: [c('3.4', { kind: 'measured' })], problems: 1 },
    { situation: 'minh chứng lại có công thức', set: [c('3.1', { formulaId: 'loan_repayment' })], problems: 1 },
    { situation: 'điểm tối đa 0', set: [c('3.1', { maxPoints: 0 })], problems: 1 },
    { situation: 'trùng mã', set: [c('3.1'), c('3.1')], problems: 1 },
  ];
  it.each(cases)('$situation → $problems lỗi', ({ set, problems }) => expect(validateCriteriaSet(set)).toHaveLength(problems));
});

describe('decideCriteriaChange — a scored version is never rewritten', () => {
  const current = [c('3.1'), c('3.4', { kind: 'measured', formulaId: 'rate_reduction_vs_target' })];
  const edited = [c('3.1', { maxPoints: 30 }), current[1]!];
  const cases = [
    { situation: 'không đổi gì', next: current, scoredRounds: 3, change: 'unchanged' },
    { situation: 'sửa điểm, chưa đợt nào chấm → sửa trực tiếp', next: edited, scoredRounds: 0, change: 'edit_in_place' },
    { situation: 'sửa điểm, đã có đợt chấm → phiên bản mới', next: edited, scoredRounds: 1, change: 'new_version' },
  ];
  it.each(cases)('$situation', ({ next, scoredRounds, change }) => expect(decideCriteriaChange(current, next, scoredRounds)).toBe(change));
});

describe('compareCriterionCodes', () => {
  it('orders codes as the plan does', () => {
    expect(['5b.1', '1.10', '5a.1', '1.2', '2.1'].sort(compareCriterionCodes)).toEqual(['1.2', '1.10', '2.1', '5a.1', '5b.1']);
  });
});
