// The one error type of the statistics domain. Codes are stable identifiers (the server maps them to
// HTTP responses, the CLI prints the Vietnamese message); messages are for the officer who reads them.

export type StatsErrorCode =
  /** The list of indicators is empty or names an indicator twice. */
  | 'invalid_indicators'
  /** A deprivation, or an indicator weight, names an indicator that is not in the list. */
  | 'unknown_indicator'
  /** An indicator weight or a sample weight that is not a positive number. */
  | 'invalid_weight'
  /** The Alkire–Foster cut-off k is not a positive number. */
  | 'invalid_cutoff'
  /** A unit (household) record that cannot be counted: missing id, repeated deprivation, empty group… */
  | 'invalid_unit'
  | 'duplicate_unit'
  /** Nothing to measure: a ratio over zero households has no meaning. */
  | 'empty_population'
  /** A poverty rate outside 0–100 %, a year that is not a whole number, an own target below zero. */
  | 'invalid_observation'
  | 'duplicate_observation'
  /** A target rule set that would contradict itself (no band for a rate of 0 %, two bands at one rate…). */
  | 'invalid_rule_set'
  /** A household record of a round that cannot be aggregated. */
  | 'invalid_household'
  | 'duplicate_household'
  /** A unit code placed under two different parents within one round. */
  | 'inconsistent_unit_path'
  /** A mapping from old units to today's units that cannot be applied. */
  | 'invalid_mapping';

export class StatsError extends Error {
  readonly code: StatsErrorCode;
  /** Position of the offending record in the input array, so that a caller can name the line or row. */
  readonly index: number | undefined;

  constructor(code: StatsErrorCode, message: string, index?: number) {
    super(message);
    this.name = 'StatsError';
    this.code = code;
    this.index = index;
  }
}
