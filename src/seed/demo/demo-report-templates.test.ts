import { describe, expect, it } from 'vitest';
import { validateTemplate } from '../../domain/reports/report-template.ts';
import { createTemplateBody } from '../../shared/schemas/reports.schema.ts';
import { demoReportTemplates } from './demo-report-templates.ts';

describe('the demo report templates', () => {
  it.each(demoReportTemplates.map((t) => [t.name, t]))(
    '%s is a valid template, marked as a sample',
    (_name, template) => {
      expect(createTemplateBody.safeParse(template).success).toBe(true);
      expect(validateTemplate(template)).toEqual([]);
      expect(template.name).toMatch(/\(mẫu\)$/u);
      expect(template.sections.some((s) => s.kind === 'figures')).toBe(true);
    },
  );
});
