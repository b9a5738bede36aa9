/**
 * The browser side of importKill.spec.ts: the app's own import code over real IndexedDB (a disk
 * profile), driven by the spec through `window.killTest`. The spec closes this page (or kills the
 * browser) in the middle of an import and then asks a fresh page for the database's fingerprint.
 *
 * - `prepareCommittee`: a committee (工委) database `kill-committee-base` with one synthetic unit
 *   enrolled (the city's first unit of at least 2 000 records), and that unit's first bundle sealed
 *   for it (returned as base64: the spec hands it back to every run).
 * - `prepareUnit`: a unit database `kill-unit-base` with one 党支部 and no members.
 * - `copyDatabase`: every store row by row into a fresh database of the same schema (the state
 *   "before" for the next run, or a second database for the reference run).
 * - `importBundle` / `importRoster`: the 同步 page's import (preview, then the write with the
 *   fingerprint confirmed) and the roster import (plan, then the one write transaction); each
 *   calls `window.killSignal(n)` as it goes — the n-th progress report of the write, or 0 as the
 *   roster write starts — which the spec answers by closing the page.
 * - `fingerprint`: the backup fingerprint (docs/backup-format.md §4) of a database.
 */
import './deterministic';
import { Dexie } from 'dexie';
import { base64ToBytes, bytesToBase64 } from '../../../shared/encoding/base64';
import { idNumberCheckChar } from '../../../shared/model/idNumber';
import { planRosterImport } from '../../../shared/roster/rosterImport';
import { databaseFingerprint } from '../../../renderer/db/backup/dump';
import { openDatabase, type TaizhangDb } from '../../../renderer/db/db';
import { applyRosterPlan } from '../../../renderer/db/memberRepository';
import { createOrganisation } from '../../../renderer/db/organisationRepository';
import { applyImport, prepareImport } from '../../../renderer/db/sync/importBundle';
import { completeSetup } from '../../../renderer/db/workspaceRepository';
import { openWriteContext } from '../../../renderer/db/writeContext';
import { generateUnits } from '../../fixtures/generator';
import { bundleFor, enrol, newCommittee, recordCountOf } from '../../bench/browser/committeeFixture';
import { FIXED_NOW } from './deterministic';
import { TEST_DATA_KEY, unlockTestDataKey } from '../../../renderer/identity/testing/dataKey';
import { installDataKey } from '../../../renderer/db/encryption/workspaceUnlock';

// the app's own code seals ID numbers, phones and 慰问事由 under the unlocked data key: a fixed test key here
unlockTestDataKey();

export const COMMITTEE_BASE = 'kill-committee-base';
export const UNIT_BASE = 'kill-unit-base';
const BRANCH = '第一党支部';

export interface RunResult {
  /** Records (bundle) or members (roster) written. */
  readonly written: number;
  /** killSignal calls made during the write. */
  readonly signals: number;
  /** The write alone, from its start to its commit (ms). */
  readonly writeMs: number;
}

export interface KillTestApi {
  prepareCommittee(): Promise<{ bundle: string; unit: string; records: number }>;
  prepareUnit(): Promise<void>;
  copyDatabase(from: string, to: string): Promise<number>;
  fingerprint(name: string): Promise<string>;
  importBundle(name: string, bundle: string): Promise<RunResult>;
  importRoster(name: string, people: number): Promise<RunResult>;
  deleteDatabases(names: readonly string[]): Promise<void>;
}

declare global {
  interface Window {
    killTest?: KillTestApi;
    /** Bound by the spec (exposeBinding); absent when the page is opened by hand. */
    killSignal?: (n: number) => Promise<void>;
  }
}

const now = (): Date => new Date(FIXED_NOW);

function signal(n: number): void {
  void window.killSignal?.(n);
}

async function withDatabase<T>(name: string, body: (db: TaizhangDb) => Promise<T>): Promise<T> {
  const db = openDatabase(name);
  // as the app's start gate does: the data key unlocked, the device's sealed keys imported
  await installDataKey(db, TEST_DATA_KEY);
  try {
    return await body(db);
  } finally {
    db.close();
  }
}

/** A 花名册 sheet as an office keeps it: `people` members of the branch, distinct ID numbers. */
function rosterSheet(people: number): string[][] {
  const rows = [['姓名', '性别', '民族', '身份证号', '入党时间', '转正时间', '所在支部']];
  const surnames = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
  const given = '芳强敏丽杰军磊洋勇艳娟涛明超秀霞平刚桂英';
  for (let i = 0; i < people; i++) {
    const year = 1965 + (i % 35);
    const birth = `${year}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}`;
    const male = i % 2 === 0;
    // 顺序码: odd for men, even for women (GB 11643), and distinct per row
    const sequence = String((Math.floor(i / 2) % 500) * 2 + (male ? 1 : 0)).padStart(3, '0');
    const first17 = `411302${birth}${sequence}`;
    const name = `${surnames[i % surnames.length]}${given[Math.floor(i / surnames.length) % given.length]}${i >= 400 ? given[i % given.length] : ''}`;
    rows.push([name, male ? '男' : '女', '汉族', first17 + idNumberCheckChar(first17), `${year + 25}-07-01`, `${year + 26}-07-01`, BRANCH]);
  }
  return rows;
}

const api: KillTestApi = {
  async prepareCommittee() {
    const ctx = await newCommittee(COMMITTEE_BASE, now);
    try {
      for (const unit of generateUnits({ size: 'city', seed: 1, year: 2026 })) {
        const records = recordCountOf(unit);
        if (records < 2000) continue;
        await enrol(ctx, unit);
        const bytes = await bundleFor(ctx, unit, 0, now);
        return { bundle: bytesToBase64(bytes), unit: unit.unit.name, records };
      }
      throw new Error('the synthetic city has no unit of 2 000 records');
    } finally {
      ctx.db.close();
    }
  },

  async prepareUnit() {
    await Dexie.delete(UNIT_BASE);
    await withDatabase(UNIT_BASE, async (db) => {
      const setUp = await completeSetup(db, { mode: 'unit', name: '市档案馆', creditCode: '11410100MB1234567W', staffCount: 600, partyGroupKind: 'partyGroup' }, now());
      if (!setUp.ok) throw new Error(setUp.error.message);
      const ctx = await openWriteContext(db, now);
      const branch = await createOrganisation(ctx, {
        name: BRANCH, kind: 'branch', parentId: null, foundedOn: '2010-01-01', dissolvedOn: null, termStart: '2024-01-01',
        termYears: 3, termEnd: null, extension: null, approvalNo: '', approvedOn: null,
      });
      if (!branch.ok) throw new Error(branch.error.message);
    });
  },

  async copyDatabase(from, to) {
    await Dexie.delete(to);
    return withDatabase(from, (source) =>
      withDatabase(to, async (target) => {
        await source.open();
        await target.open();
        let rows = 0;
        for (const table of source.tables) {
          const all = await table.toArray();
          await target.table(table.name).bulkPut(all);
          rows += all.length;
        }
        return rows;
      }),
    );
  },

  fingerprint(name) {
    return withDatabase(name, (db) => databaseFingerprint(db));
  },

  importBundle(name, bundle) {
    return withDatabase(name, async (db) => {
      const ctx = await openWriteContext(db, now);
      const preview = await prepareImport(ctx, base64ToBytes(bundle));
      if (!preview.ok) throw new Error(preview.error.message);
      let signals = 0;
      const t0 = performance.now();
      const applied = await applyImport(ctx, preview.value, {
        fingerprintConfirmed: true,
        onProgress: (e) => {
          if (e.stage === 'write') signal(++signals);
        },
      });
      const writeMs = performance.now() - t0;
      if (!applied.ok) throw new Error(applied.error.message);
      return { written: applied.value.written, signals, writeMs };
    });
  },

  importRoster(name, people) {
    return withDatabase(name, async (db) => {
      const ctx = await openWriteContext(db, now);
      const branch = (await db.organisation.toArray()).find((o) => o.name === BRANCH);
      if (branch === undefined) throw new Error(`${name}: no ${BRANCH}`);
      const planned = planRosterImport(rosterSheet(people), { organisationsByName: new Map([[BRANCH, branch.id]]), existingByIdNumber: new Map(), asOf: '2027-01-15' });
      if (!planned.ok) throw new Error(planned.problem.message);
      if (planned.plan.counts.add !== people) throw new Error(`${name}: the plan adds ${planned.plan.counts.add} of ${people}`);
      const t0 = performance.now();
      signal(0);
      const applied = await applyRosterPlan(ctx, planned.plan);
      const writeMs = performance.now() - t0;
      if (!applied.ok) throw new Error(applied.error.message);
      return { written: applied.value.added, signals: 1, writeMs };
    });
  },

  async deleteDatabases(names) {
    for (const n of names) await Dexie.delete(n);
  },
};

window.killTest = api;
document.title = 'killTest ready';
