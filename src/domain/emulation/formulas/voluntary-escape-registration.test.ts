import { describe, expect, it } from 'vitest';
import { scoreEscapeRegistration } from './voluntary-escape-registration.ts';

// Tiêu chí 5b.1: tự nguyện đăng ký thoát nghèo trong năm của đợt thi đua.
describe('voluntary_escape_registration', () => {
  const cases = [
    { situation: 'đăng ký năm 2017, đợt năm 2017 → 25', regs: [{ year: 2017, registeredOn: '2017-03-02' }], years: [2017], points: 25 },
    { situation: 'đăng ký năm 2016, đợt năm 2017 → 0', regs: [{ year: 2016, registeredOn: '2016-03-02' }], years: [2017], points: 0 },
    { situation: 'không đăng ký → 0', regs: [], years: [2017], points: 0 },
    { situation: 'đăng ký năm 2018, đợt sơ kết 2017–2018 → 25', regs: [{ year: 2018, registeredOn: '2018-02-01' }], years: [2017, 2018], points: 25 },
  ];
  it.each(cases)('$situation', ({ regs, years, points }) => {
    const r = scoreEscapeRegistration({ householdName: 'Hộ A', years, registrations: regs, escapedInYears: [], maxPoints: 25 });
    expect(r.points).toBe(points);
  });

  it('shows the escape that followed', () => {
    const r = scoreEscapeRegistration({ householdName: 'Hộ A', years: [2017], registrations: [{ year: 2017, registeredOn: '2017-03-02' }], escapedInYears: [2017], maxPoints: 25 });
    expect(r.explanation).toMatch(/02\/03\/2017.*đã thoát nghèo theo rà soát năm 2017/u);
  });
});
