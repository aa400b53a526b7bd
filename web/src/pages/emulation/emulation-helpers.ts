// Pure helpers of the emulation screens: who the signed-in focal point may register, the round's calendar as steps,
// the ranking chart, and the fund's balance check. No React, no fetch: tested in emulation-helpers.test.ts.
import { roleHasPermission, type Role } from '../../../../src/domain/access/roles.ts';
import { participantTypeLabels, participantTypeRules, participantTypes, type ParticipantType } from '../../../../src/domain/emulation/participant-types.ts';
import type { ParticipantRef } from '../../../../src/shared/schemas/emulation.schema.ts';
import { formatDate, formatNumber } from '../../../../src/shared/vi-format.ts';
import type { EChartsCoreOption } from '../stats/echarts-setup.ts';

export interface RegistrableParticipant {
  /** participantType:key — unique among the options. */
  value: string;
  participantType: ParticipantType;
  participant: ParticipantRef;
  key: string;
  label: string;
}

interface AssignmentLike {
  role: Role;
  unitCode: string | null;
  organisationId: string | null;
}

/**
 * The participants a user registers in person: the organisation named by a focal-point assignment, or the unit of a
 * unit-scoped assignment (a district or commune officer registers the district or commune), each under every type of
 * the campaign that admits it. Only assignments whose role may take part (emulation.participate) count.
 */
export function registrableParticipants(
  assignments: readonly AssignmentLike[],
  organisations: readonly { id: string; name: string; type: string }[],
  units: readonly { code: string; name: string; level: string }[],
  campaignTypes: readonly ParticipantType[],
): RegistrableParticipant[] {
  const out: RegistrableParticipant[] = [];
  const seen = new Set<string>();
  const add = (type: ParticipantType, participant: ParticipantRef, key: string, name: string) => {
    const value = `${type}:${key}`;
    if (seen.has(value)) return;
    seen.add(value);
    out.push({ value, participantType: type, participant, key, label: `${name} — ${participantTypeLabels[type]}` });
  };
  for (const a of assignments) {
    if (!roleHasPermission(a.role, 'emulation.participate')) continue;
    for (const type of participantTypes.filter((t) => campaignTypes.includes(t))) {
      const rule = participantTypeRules[type];
      if (a.organisationId) {
        const org = organisations.find((o) => o.id === a.organisationId);
        if (org && rule.kind === 'organisation' && rule.organisationTypes?.includes(org.type)) {
          add(type, { kind: 'organisation', organisationId: org.id }, org.id, org.name);
        }
      } else if (a.unitCode && rule.kind === 'unit') {
        const unit = units.find((u) => u.code === a.unitCode);
        if (unit && unit.level === rule.unitLevel) add(type, { kind: 'unit', unitCode: unit.code }, unit.code, unit.name);
      }
    }
  }
  return out;
}

export interface CalendarStep {
  key: string;
  title: string;
  when: string;
}

/** The round's calendar in order: self-assessment window, verification deadline, council, publication, ceremony. */
export function roundCalendar(r: {
  selfAssessmentFrom: string;
  selfAssessmentTo: string;
  verificationUntil: string;
  councilScoringOn: string;
  publicationOn: string;
  ceremonyOn: string | null;
}): CalendarStep[] {
  const steps: CalendarStep[] = [
    { key: 'self', title: 'Tự chấm điểm', when: `${formatDate(r.selfAssessmentFrom)} – ${formatDate(r.selfAssessmentTo)}` },
    { key: 'verify', title: 'Thẩm định', when: `đến ${formatDate(r.verificationUntil)}` },
    { key: 'council', title: 'Hội đồng chấm điểm', when: formatDate(r.councilScoringOn) },
    { key: 'publish', title: 'Công bố kết quả', when: formatDate(r.publicationOn) },
  ];
  if (r.ceremonyOn) steps.push({ key: 'ceremony', title: 'Lễ tổng kết, khen thưởng', when: formatDate(r.ceremonyOn) });
  return steps;
}

/** Which calendar step is current for a stage reported by the server (for the Steps component). */
export function currentStepIndex(stage: string): number {
  switch (stage) {
    case 'upcoming':
      return -1;
    case 'self_assessment':
      return 0;
    case 'verification':
      return 1;
    case 'council':
      return 2;
    case 'awaiting_publication':
      return 3;
    default:
      return 4;
  }
}

/** Points as the score sheet prints them: "12,5" or "30". */
export function formatScore(points: number): string {
  return formatNumber(points, Number.isInteger(points) ? 0 : 2);
}

/** A horizontal bar chart of a ranking: best at the top, the total of each participant at the end of its bar. */
export function rankingChartOption(entries: readonly { rank: number; participantName: string; total: number }[], maxTotal = 100): EChartsCoreOption {
  const shown = [...entries].sort((a, b) => a.rank - b.rank).slice(0, 30).reverse();
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => (typeof v === 'number' ? `${formatScore(v)} điểm` : '—') },
    grid: { left: 8, right: 48, top: 16, bottom: 24, containLabel: true },
    xAxis: { type: 'value', min: 0, max: maxTotal, name: 'Điểm' },
    yAxis: { type: 'category', data: shown.map((e) => `${e.rank}. ${e.participantName}`), axisLabel: { width: 260, overflow: 'truncate' } },
    series: [
      {
        name: 'Tổng điểm',
        type: 'bar',
        data: shown.map((e) => e.total),
        itemStyle: { color: '#0b5cad' },
        label: { show: true, position: 'right', formatter: (p: { value: number }) => formatScore(p.value) },
      },
    ],
  };
}

/** opening + received − spent = closing: the check every balance row shows. */
export function reconciles(b: { opening: number; received: number; spent: number; closing: number }): boolean {
  return b.opening + b.received - b.spent === b.closing;
}

/**
 * Signatories of a joint pledge typed one per line as "Họ tên; chức vụ; đơn vị thành viên" (the unit may be left out:
 * it is then the group itself). Returns the list, or the first line that cannot be read.
 */
export function parseSignatories(text: string, groupName: string): { ok: true; signatories: { name: string; position: string; memberName: string }[] } | { ok: false; line: string } {
  const signatories = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const [name, position, memberName] = line.split(';').map((p) => p.trim());
    if (!name || !position) return { ok: false, line };
    signatories.push({ name, position, memberName: memberName || groupName });
  }
  return { ok: true, signatories };
}
