// The one error type of the poverty domain. Codes are stable identifiers (the server maps them to
// HTTP responses, the CLI prints the Vietnamese message); messages are for the officer who reads them.

export type PovertyErrorCode =
  /** Neither a measured income nor a Phiếu B part B1 score was given. */
  | 'missing_income_and_score'
  /** A B1 score was given to a standard that classifies by income only (NĐ 07/2021, NĐ 351/2025). */
  | 'b1_score_not_accepted'
  | 'invalid_income'
  | 'invalid_b1_score'
  | 'invalid_area'
  /** A deprivation code that the standard does not define. */
  | 'unknown_indicator'
  /** An officer's override without a written reason (overrides are audited). */
  | 'override_without_reason'
  | 'duplicate_override'
  | 'invalid_reference_date'
  | 'unknown_standard'
  | 'no_standard_for_year'
  /** A rule set (or a revision of one) that would contradict itself, e.g. a near-poverty line below the poverty line. */
  | 'invalid_standard'
  | 'invalid_round'
  | 'invalid_category'
  | 'duplicate_round';

export class PovertyRuleError extends Error {
  readonly code: PovertyErrorCode;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: PovertyErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'PovertyRuleError';
    this.code = code;
    this.details = details;
  }
}
