import type { ReportDue } from '../../../domain/emulation/formulas/report-timeliness.ts';

/**
 * Where criteria 2.2 and 3.2 (report timeliness) get their facts: the reports module, once it exists, implements this
 * and is passed to createEmulationService. Without it those criteria are "not scored" with the reason
 * "chưa có dữ liệu báo cáo".
 */
export interface TimelinessSource {
  /**
   * The reports the unit owed whose deadline falls in the years (inclusive), with the date each was submitted (null when
   * not submitted); null when the source holds nothing for the unit.
   */
  reportsDue(unitCode: string, fromYear: number, toYear: number): Promise<ReportDue[] | null>;
}
