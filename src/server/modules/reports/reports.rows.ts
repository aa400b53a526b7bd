// Stored rows in the shapes the domain rules read, and what every part of the reports module is given.

import type { Db } from '../../../db/client.ts';
import type { FigureSnapshot } from '../../../domain/reports/report-figures.ts';
import type { ReportContent, ReportTemplate, TemplateSection } from '../../../domain/reports/report-template.ts';
import type { Clock, IdGenerator } from '../../../shared/clock.ts';
import type { ScopeChecker, UnitsCatalog } from '../units/units.service.ts';
import type { RequestRow, SubmissionRow, TemplateRow } from './reports.repository.ts';

export interface ReportsDeps {
  db: Db;
  clock: Clock;
  ids: IdGenerator;
  provinceCode: string;
  catalog: UnitsCatalog;
  scope: ScopeChecker;
  /** Reminders start this many days before a deadline (default 3, configurable). */
  reminderDays?: number;
}

export function templateOf(row: TemplateRow): ReportTemplate {
  return { name: row.name, sections: row.sections as TemplateSection[] };
}

export function contentOf(row: SubmissionRow): ReportContent {
  const c = row.content as Partial<ReportContent> | null;
  return { narratives: c?.narratives ?? {}, tables: c?.tables ?? {} };
}

export function snapshotOfRow(row: SubmissionRow): FigureSnapshot | null {
  return (row.approvedFigures as FigureSnapshot | null) ?? null;
}

export function hasFigures(template: ReportTemplate): boolean {
  return template.sections.some((s) => s.kind === 'figures');
}

/** A request belongs to the year of its deadline: the emulation year whose timeliness it counts for (criteria 2.2, 3.2). */
export function requestYear(request: Pick<RequestRow, 'deadline'>): number {
  return Number(request.deadline.slice(0, 4));
}
