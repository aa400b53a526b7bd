import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTemplateBody } from '../../shared/schemas/reports.schema.ts';
import { referenceReportTemplates } from './reference-report-templates.ts';
import { validateTemplate } from './report-template.ts';

describe('the official report templates', () => {
  it.each(referenceReportTemplates.map((t) => [t.name, t]))('%s is valid against the template schema and rules', (_name, t) => {
    const parsed = createTemplateBody.safeParse({ name: t.name, description: t.description, sections: t.sections });
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(validateTemplate(t)).toEqual([]);
    // The fixed id is the seed key and is sent back as a request's templateId (z.uuid()).
    expect(z.uuid().safeParse(t.id).success).toBe(true);
    expect(t.name).not.toMatch(/\(mẫu\)|DỮ LIỆU MẪU/u);
    expect(t.version).toBeGreaterThanOrEqual(1);
    expect(t.legalBasis.length).toBeGreaterThan(20);
  });

  it('have distinct ids and names', () => {
    expect(new Set(referenceReportTemplates.map((t) => t.id)).size).toBe(referenceReportTemplates.length);
    expect(new Set(referenceReportTemplates.map((t) => t.name)).size).toBe(referenceReportTemplates.length);
  });

  it.each([
    ['the movement report (plan 165/KH-UBND §V)', /165\/KH-UBND/u, ['poor', 'poorRate', 'escaped'], ['ket_qua', 'kien_nghi', 'phuong_huong']],
    ['the review results report (TT 17/2016, QĐ 24/2021)', /17\/2016\/TT-BLĐTBXH.*24\/2021\/QĐ-TTg/u, ['poor', 'nearPoor', 'escapedNearPoor', 'relapsedNearPoor'], ['to_chuc_ra_soat']],
  ] as const)('%s cites its legal basis, pre-fills the registry figures and has its narrative sections', (_label, basis, fields, narratives) => {
    const t = referenceReportTemplates.find((r) => basis.test(r.legalBasis));
    expect(t).toBeDefined();
    const figures = t!.sections.flatMap((s) => (s.kind === 'figures' ? s.fields : []));
    for (const f of fields) expect(figures).toContain(f);
    const written = t!.sections.filter((s) => s.kind === 'narrative').map((s) => s.key);
    for (const n of narratives) expect(written).toContain(n);
    // One figures section: the report page and the documents show one table of pre-filled figures.
    expect(t!.sections.filter((s) => s.kind === 'figures')).toHaveLength(1);
  });
});
