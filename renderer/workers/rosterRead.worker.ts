/**
 * Reads a 花名册 .xlsx off the main thread (shared/roster/xlsxRead.ts): a large or hostile file
 * never freezes the window, and 取消 simply ends this worker (rosterReadClient.ts). One worker per
 * file read; it answers with progress messages, then one result.
 */
import { readRosterWorkbook } from '../../shared/roster/xlsxRead';
import type { RosterReadRequest, RosterReadResponse } from './rosterReadClient';

function post(message: RosterReadResponse): void {
  self.postMessage(message);
}

self.addEventListener('message', (e: MessageEvent<RosterReadRequest>) => {
  const { bytes, sheetIndex } = e.data;
  try {
    const result = readRosterWorkbook(bytes, {
      ...(sheetIndex === undefined ? {} : { sheetIndex }),
      onProgress: (progress) => post({ type: 'progress', progress }),
    });
    post({ type: 'result', result });
  } catch (error) {
    post({ type: 'crash', message: error instanceof Error ? error.message : String(error) });
  }
});
