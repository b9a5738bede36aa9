/**
 * Reads a 花名册 .xlsx (shared/roster/xlsxRead.ts) and plans its import (shared/roster/rosterImport.ts)
 * off the main thread: a large or hostile file never freezes the window, and 取消 simply ends this
 * worker (rosterReadClient.ts). One worker per job; it answers with progress messages, then one result.
 */
import { planRosterImport } from '../../shared/roster/rosterImport';
import { readRosterWorkbook } from '../../shared/roster/xlsxRead';
import type { RosterJobRequest, RosterJobResponse } from './rosterReadClient';

function post(message: RosterJobResponse): void {
  self.postMessage(message);
}

self.addEventListener('message', (e: MessageEvent<RosterJobRequest>) => {
  const request = e.data;
  try {
    if (request.type === 'read') {
      const result = readRosterWorkbook(request.bytes, {
        ...(request.sheetIndex === undefined ? {} : { sheetIndex: request.sheetIndex }),
        onProgress: (progress) => post({ type: 'progress', progress }),
      });
      post({ type: 'read', result });
    } else {
      post({ type: 'planned', result: planRosterImport(request.rows, request.context, request.mapping) });
    }
  } catch (error) {
    post({ type: 'crash', message: error instanceof Error ? error.message : String(error) });
  }
});
