/** Rules of the domain: pure functions over plain records, parameterised by the rule profile. */
export * from './dates';
export * from './text';
export * from './profile';
export * from './membership';
export * from './seats';
export * from './meetingCompliance';
export * from './quorum';
export * from './termLight';
export * from './cadreRatio';
export * from './trainingCoverage';
export * from './attendance';
export * from './dues';
export * from './cards';
export * from './appraisal';
export * from './assessment';
