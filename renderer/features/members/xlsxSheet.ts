/**
 * Writing .xlsx with ExcelJS (loaded only when needed: it is large). Reading a roster does not use
 * ExcelJS: shared/roster/xlsxRead.ts reads it in bounded work, in a worker (workers/rosterReadClient.ts).
 */
export { writeSheet } from '../common/xlsxWorkbook';
