// A stored template as the board reads it: where it comes from (official with its legal basis and version, created
// by the board, or demo) and whether requests were issued with it.

import { referenceReportTemplates, referenceTemplateById } from '../../../domain/reports/reference-report-templates.ts';
import { reportKindLabels, templateOriginLabels, type TemplateDto, type TemplateOrigin } from '../../../shared/schemas/reports.schema.ts';
import { compareVi } from '../../../shared/vi-text.ts';
import type { TemplateRow } from './reports.repository.ts';

export function templateDtoOf(row: TemplateRow, requestCount: number): TemplateDto {
  const reference = referenceTemplateById(row.id);
  const origin: TemplateOrigin = reference ? 'reference' : row.isDemo ? 'demo' : 'custom';
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    sections: row.sections as TemplateDto['sections'],
    createdAt: row.createdAt.toISOString(),
    origin,
    originLabel: reference ? `${templateOriginLabels.reference} (${reportKindLabels[reference.reportKind].toLowerCase()})` : templateOriginLabels[origin],
    version: reference?.version ?? null,
    reportKind: reference?.reportKind ?? null,
    legalBasis: reference?.legalBasis ?? null,
    requestCount,
  };
}

const originOrder: Record<TemplateOrigin, number> = { reference: 0, custom: 1, demo: 2 };

/** Official templates first in their own order (the first is a new request's default), then the newest first. */
export function sortTemplates(list: TemplateDto[]): TemplateDto[] {
  const referenceIndex = (id: string) => referenceReportTemplates.findIndex((t) => t.id === id);
  return [...list].sort(
    (a, b) =>
      originOrder[a.origin] - originOrder[b.origin] ||
      referenceIndex(a.id) - referenceIndex(b.id) ||
      b.createdAt.localeCompare(a.createdAt) ||
      compareVi(a.name, b.name),
  );
}
