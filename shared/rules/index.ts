/** Rules of the domain: pure functions over plain records, parameterised by the rule profile. */
export * from './dates';
export * from './text';
export * from './profile';
export * from './members/membership';
export * from './organisations/seats';
export * from './meetings/meetingCompliance';
export * from './meetings/quorum';
export * from './organisations/termLight';
export * from './organisations/cadreRatio';
export * from './training/trainingCoverage';
export * from './meetings/attendance';
export * from './members/dues';
export * from './committee/cards';
export * from './members/appraisal';
export * from './committee/assessment';
