/** 季度无感知监控考核: the quarterly monitoring's public API (see each file). */
export * from './types';
export * from './quarter';
export type { MonitoringRecords, RectificationRecord } from './unitRecords';
export type { RegisterEntry, BundleArrival } from './timelinessIndicator';
export { COMMITTEE_INDICATORS, REVIEW_RATING_RATES, type CommitteeIndicatorId, type CommitteeRecords } from './committeeIndicators';
export * from './quarterlyIndicators';
export * from './quarterScores';
export * from './publication';
export * from './yearView';
