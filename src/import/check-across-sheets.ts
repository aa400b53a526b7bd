// Checks that need more than one row: household codes unique, every member's household present,
// citizen IDs unique, and (as warnings) each household with members and exactly one head.
// Households are read before members, so members are checked as they stream by.

import type { ImportIssue, ImportIssueColumn } from './import-issue.ts';
import type { SheetLayout } from './match-header.ts';

interface HouseholdSeen {
  readonly row: number;
  members: number;
  heads: number[] | null;
}

export function columnOf(layout: SheetLayout | null, key: string): ImportIssueColumn | null {
  const located = layout?.located.find((l) => l.column.key === key);
  return located === undefined ? null : { letter: located.letter, header: located.header, key };
}

export class AcrossSheetChecks {
  private readonly households = new Map<string, HouseholdSeen>();
  // Keyed by the number the 12 digits make: a fifth of the memory of the strings.
  private readonly citizenIds = new Map<number, number>();
  private readonly householdSheet: string;
  private readonly memberSheet: string;
  private readonly report: (issue: ImportIssue) => void;

  constructor(householdSheet: string, memberSheet: string, report: (issue: ImportIssue) => void) {
    this.householdSheet = householdSheet;
    this.memberSheet = memberSheet;
    this.report = report;
  }

  /**
   * A household code read from a row (also from a row with other errors, so its members are not
   * blamed for it). False when the code was already taken.
   */
  household(code: string, row: number, layout: SheetLayout): boolean {
    const seen = this.households.get(code);
    if (seen !== undefined) {
      this.error('duplicate_household', this.householdSheet, row, columnOf(layout, 'code'), `Mã hộ "${code}" trùng với hộ ở dòng ${seen.row}.`);
      return false;
    }
    this.households.set(code, { row, members: 0, heads: null });
    return true;
  }

  /** A member's household code. False when no such household was read. */
  member(code: string, isHead: boolean, row: number, layout: SheetLayout): boolean {
    const household = this.households.get(code);
    if (household === undefined) {
      this.error('unknown_household', this.memberSheet, row, columnOf(layout, 'householdCode'), `Mã hộ "${code}" không có trong trang "${this.householdSheet}".`);
      return false;
    }
    household.members += 1;
    if (isHead) (household.heads ??= []).push(row);
    return true;
  }

  /** A member's citizen ID. False when another member already has it. */
  citizenId(citizenId: string, row: number, layout: SheetLayout): boolean {
    const key = Number(citizenId);
    const first = this.citizenIds.get(key);
    if (first !== undefined) {
      this.error('duplicate_citizen_id', this.memberSheet, row, columnOf(layout, 'citizenId'), `Số CCCD ${citizenId} trùng với thành viên ở dòng ${first}.`);
      return false;
    }
    this.citizenIds.set(key, row);
    return true;
  }

  /** Warnings once both sheets are read. */
  finish(householdLayout: SheetLayout | null): void {
    const column = columnOf(householdLayout, 'code');
    for (const [code, household] of this.households) {
      const heads = household.heads ?? [];
      let message: string | null = null;
      if (household.members === 0) {
        this.warn('household_without_members', household.row, column, `Hộ "${code}" chưa có thành viên nào trong trang "${this.memberSheet}".`);
      } else if (heads.length === 0) {
        message = `Hộ "${code}" không có thành viên nào ghi quan hệ "Chủ hộ".`;
      } else if (heads.length > 1) {
        message = `Hộ "${code}" có ${heads.length} thành viên ghi quan hệ "Chủ hộ" (các dòng ${heads.join(', ')} của trang "${this.memberSheet}").`;
      }
      if (message !== null) this.warn('head_count', household.row, column, message);
    }
  }

  private error(code: ImportIssue['code'], sheet: string, row: number, column: ImportIssueColumn | null, message: string): void {
    this.report({ severity: 'error', code, sheet, row, column, message });
  }

  private warn(code: ImportIssue['code'], row: number, column: ImportIssueColumn | null, message: string): void {
    this.report({ severity: 'warning', code, sheet: this.householdSheet, row, column, message });
  }
}
