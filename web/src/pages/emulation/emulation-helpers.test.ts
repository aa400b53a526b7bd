import { describe, expect, it } from 'vitest';
import { participantTypes } from '../../../../src/domain/emulation/participant-types.ts';
import { currentStepIndex, formatScore, parseSignatories, rankingChartOption, reconciles, registrableParticipants, roundCalendar } from './emulation-helpers.ts';

const orgs = [
  { id: 'o-ldtbxh', name: 'Sở Lao động - Thương binh và Xã hội', type: 'department' },
  { id: 'o-xm', name: 'Công ty CP Xi măng Đồng Bành', type: 'enterprise' },
];
const units = [
  { code: '188', name: 'Huyện Lộc Bình', level: 'district' },
  { code: '06529', name: 'Thị trấn Lộc Bình', level: 'commune' },
];
const all = [...participantTypes];

describe('registrableParticipants: whom a user registers in person', () => {
  const cases = [
    { who: 'đầu mối sở', a: { role: 'org_focal_point' as const, unitCode: null, organisationId: 'o-ldtbxh' }, expected: ['department_front_union:o-ldtbxh'] },
    { who: 'đầu mối doanh nghiệp', a: { role: 'org_focal_point' as const, unitCode: null, organisationId: 'o-xm' }, expected: ['enterprise_cooperative:o-xm'] },
    { who: 'cán bộ huyện', a: { role: 'district_officer' as const, unitCode: '188', organisationId: null }, expected: ['district:188'] },
    { who: 'cán bộ xã', a: { role: 'commune_officer' as const, unitCode: '06529', organisationId: null }, expected: ['commune:06529'] },
    { who: 'Ban Thi đua (không tự đăng ký)', a: { role: 'emulation_board' as const, unitCode: '20', organisationId: null }, expected: [] },
    { who: 'người xem', a: { role: 'viewer' as const, unitCode: '20', organisationId: null }, expected: [] },
  ];
  it.each(cases)('$who', ({ a, expected }) => {
    expect(registrableParticipants([a], orgs, units, all).map((p) => p.value)).toEqual(expected);
  });

  it('keeps only the campaign’s participant types', () => {
    const a = { role: 'commune_officer' as const, unitCode: '06529', organisationId: null };
    expect(registrableParticipants([a], orgs, units, ['district'])).toEqual([]);
  });

  it('labels the option with the participant and its type, and builds the API reference', () => {
    const [p] = registrableParticipants([{ role: 'org_focal_point', unitCode: null, organisationId: 'o-ldtbxh' }], orgs, units, all);
    expect(p).toMatchObject({ participant: { kind: 'organisation', organisationId: 'o-ldtbxh' }, label: 'Sở Lao động - Thương binh và Xã hội — Sở, ban, ngành, Mặt trận Tổ quốc và các đoàn thể cấp tỉnh' });
  });
});

describe('roundCalendar: the steps of a round in order', () => {
  const windows = { selfAssessmentFrom: '2017-12-20', selfAssessmentTo: '2018-01-10', verificationUntil: '2018-01-20', councilScoringOn: '2018-01-25', publicationOn: '2018-01-31', ceremonyOn: null };
  it('an annual round has four steps, dates dd/MM/yyyy', () => {
    expect(roundCalendar(windows).map((s) => `${s.title}: ${s.when}`)).toEqual([
      'Tự chấm điểm: 20/12/2017 – 10/01/2018',
      'Thẩm định: đến 20/01/2018',
      'Hội đồng chấm điểm: 25/01/2018',
      'Công bố kết quả: 31/01/2018',
    ]);
  });
  it('the final round adds its ceremony', () => {
    expect(roundCalendar({ ...windows, ceremonyOn: '2020-06-11' }).at(-1)).toEqual({ key: 'ceremony', title: 'Lễ tổng kết, khen thưởng', when: '11/06/2020' });
  });
  const stages: [string, number][] = [
    ['upcoming', -1],
    ['self_assessment', 0],
    ['verification', 1],
    ['council', 2],
    ['awaiting_publication', 3],
    ['published', 4],
  ];
  it.each(stages)('stage %s → step %i', (stage, index) => expect(currentStepIndex(stage)).toBe(index));
});

describe('ranking chart and scores', () => {
  it('draws the best at the top (ECharts draws categories bottom-up) with the totals', () => {
    const option = rankingChartOption([
      { rank: 2, participantName: 'B', total: 70.5 },
      { rank: 1, participantName: 'A', total: 80 },
    ]) as { yAxis: { data: string[] }; series: { data: number[] }[] };
    expect(option.yAxis.data).toEqual(['2. B', '1. A']);
    expect(option.series[0]!.data).toEqual([70.5, 80]);
  });
  it.each([
    [30, '30'],
    [12.5, '12,50'],
  ])('formatScore(%d) → %s', (v, text) => expect(formatScore(v)).toBe(text));
});

describe('reconciles: opening + received − spent = closing', () => {
  it.each([
    [{ opening: 1_000, received: 500, spent: 700, closing: 800 }, true],
    [{ opening: 1_000, received: 500, spent: 700, closing: 801 }, false],
    [{ opening: 0, received: 0, spent: 0, closing: 0 }, true],
  ])('%o → %s', (b, ok) => expect(reconciles(b)).toBe(ok));
});

describe('parseSignatories: one signatory per line, "name; position; member"', () => {
  it('reads each line, the member defaulting to the group', () => {
    expect(parseSignatories('Nguyễn Văn An; Giám đốc; Sở Y tế\n\n Hoàng Thị Bình ; Phó Chủ tịch \n', 'Khối các sở')).toEqual({
      ok: true,
      signatories: [
        { name: 'Nguyễn Văn An', position: 'Giám đốc', memberName: 'Sở Y tế' },
        { name: 'Hoàng Thị Bình', position: 'Phó Chủ tịch', memberName: 'Khối các sở' },
      ],
    });
  });
  it('names the line it cannot read (no position)', () => {
    expect(parseSignatories('Nguyễn Văn An', 'Khối')).toEqual({ ok: false, line: 'Nguyễn Văn An' });
  });
});
