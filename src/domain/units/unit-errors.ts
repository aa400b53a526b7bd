// The one error type of the administrative-unit domain. Codes are stable identifiers (the server maps them to
// HTTP responses, the CLI prints the Vietnamese message); messages are for the officer who reads them.

export type UnitErrorCode =
  /** A date that is not a real calendar date written yyyy-MM-dd. */
  | 'invalid_date'
  /** A unit version with a missing field, an unknown level, a kind that does not fit its level, or an empty interval. */
  | 'invalid_version'
  /** Two versions of one code in force on the same day. */
  | 'overlapping_versions'
  /** A version whose parent is not in force for the whole of the version's interval. */
  | 'missing_parent'
  /** A parent that is not of a higher level than its child (a commune under a commune, a province under a district). */
  | 'invalid_parent_level'
  /** A lineage event with an unknown kind, a share outside (0, 1], or a unit that is not in force on its date. */
  | 'invalid_event'
  /** Lineage events of one unit on one date that contradict each other (merged in full into two units…). */
  | 'conflicting_events'
  /** A code the directory has never held. */
  | 'unknown_unit';

export class UnitRuleError extends Error {
  readonly code: UnitErrorCode;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: UnitErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'UnitRuleError';
    this.code = code;
    this.details = details;
  }
}
