// The poverty domain: standards as versioned rule sets, classification, deprivations, transitions.

export * from './poverty-errors.ts';
export * from './poverty-standard.ts';
export * from './standards.ts';
export * from './revise-standard.ts';
export * from './select-standard.ts';
export * from './classify-household.ts';
export * from './household-facts.ts';
export * from './derive-deprivations.ts';
export * from './merge-deprivations.ts';
export * from './transitions.ts';
