import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExpectedFailure, expectedError, fail, ok, type ExpectedError, type Result } from '../../shared/errors/errors';
import { openDatabase, type TaizhangDb } from './db';
import { createRecord, type RecordInput, type WriteError } from './recordRepository';
import { runWrite } from './runWrite';
import { completeSetup } from './workspaceRepository';
import { openWriteContext, type WriteContext } from './writeContext';

let db: TaizhangDb;
let ctx: WriteContext;
let n = 0;

beforeEach(async () => {
  db = openDatabase(`test-run-write-${++n}`);
  await completeSetup(db, { mode: 'unit', name: '市财政局', creditCode: '11410100MB1234567W', staffCount: 180, partyGroupKind: 'partyGroup' });
  ctx = await openWriteContext(db);
});
afterEach(async () => {
  await db.delete();
});

const branch = (name: string): RecordInput<'organisation'> => ({
  name,
  kind: 'branch',
  parentId: null,
  foundedOn: null,
  dissolvedOn: null,
  termStart: null,
  termYears: null,
  termEnd: null,
  extension: null,
  approvalNo: '',
  approvedOn: null,
});

const tables = () => [db.organisation, db.changes, db.audit, db.device];

/** Creates an organisation inside the running transaction; a refused record is thrown, as the repositories do. */
async function addBranch(name: string): Promise<string> {
  const r = await createRecord(ctx, 'organisation', branch(name));
  if (!r.ok) throw new ExpectedFailure(r.error);
  return r.value.id;
}

/** Everything a write leaves behind: the records, the change log, the audit trail, the device's last rev. */
async function snapshot() {
  return {
    organisations: await db.organisation.count(),
    changes: await db.changes.count(),
    audit: await db.audit.count(),
    lastRev: (await db.device.get('device'))?.lastRev ?? null,
  };
}

describe('runWrite', () => {
  it('an ok result is committed and handed back', async () => {
    const r = await runWrite(db, tables(), async () => ok(await addBranch('第一党支部')));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const stored = await db.organisation.get(r.value);
    expect(stored?.name).toBe('第一党支部');
    expect(await db.changes.where('[table+id]').equals(['organisation', r.value]).count()).toBe(1);
  });

  it('an ExpectedFailure thrown after writes rolls everything back and comes out as its tagged error', async () => {
    const before = await snapshot();
    const r = await runWrite<string, ExpectedError<'quota'>>(db, tables(), async () => {
      await addBranch('第一党支部');
      await addBranch('第二党支部');
      throw new ExpectedFailure(expectedError('quota', '本单位最多登记一个党支部，请核对', ['name']));
    });
    expect(r).toEqual({ ok: false, error: { kind: 'quota', message: '本单位最多登记一个党支部，请核对', path: ['name'] } });
    expect(await snapshot()).toEqual(before);
  });

  it('a record refused deep inside (thrown by a helper) comes out with the record’s own Chinese message', async () => {
    const before = await snapshot();
    const r = await runWrite<string, WriteError>(db, tables(), async () => {
      await addBranch('第一党支部');
      return ok(await addBranch('   ')); // the schema refuses an empty name
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.kind).toBe('validation');
    expect(r.error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(await snapshot()).toEqual(before);
  });

  it('a failure returned after writes rolls them back too', async () => {
    const before = await snapshot();
    const r = await runWrite(db, tables(), async (): Promise<Result<string, ExpectedError<'late'>>> => {
      await addBranch('第一党支部');
      return fail(expectedError('late', '已超过登记期限'));
    });
    expect(r).toEqual({ ok: false, error: { kind: 'late', message: '已超过登记期限' } });
    expect(await snapshot()).toEqual(before);
  });

  it('an unexpected error rolls back and is thrown on, not turned into a value', async () => {
    const before = await snapshot();
    const bug = new Error('a defect');
    await expect(
      runWrite(db, tables(), async () => {
        await addBranch('第一党支部');
        throw bug;
      }),
    ).rejects.toBe(bug);
    expect(await snapshot()).toEqual(before);
  });

  it('opens the transaction on exactly the tables named: writing another one is an error, and nothing is written', async () => {
    const before = await snapshot();
    await expect(
      runWrite(db, [db.organisation, db.changes, db.audit], async () => ok(await addBranch('第一党支部'))), // no device table
    ).rejects.toThrow();
    expect(await snapshot()).toEqual(before);
  });

  describe('nested (one write calling another)', () => {
    const inner = (outcome: 'ok' | 'returned' | 'thrown') =>
      runWrite(db, tables(), async (): Promise<Result<string, ExpectedError<'inner'>>> => {
        const id = await addBranch('第二党支部');
        if (outcome === 'returned') return fail(expectedError('inner', '内层拒绝'));
        if (outcome === 'thrown') throw new ExpectedFailure(expectedError('inner', '内层拒绝'));
        return ok(id);
      });

    it('both succeed: one commit with both writes', async () => {
      const r = await runWrite(db, tables(), async () => {
        await addBranch('第一党支部');
        return inner('ok');
      });
      expect(r.ok).toBe(true);
      expect(await db.organisation.count()).toBe(2);
    });

    it('the inner write’s failure, returned or thrown, fails the outer write as a whole: nothing is written', async () => {
      for (const outcome of ['returned', 'thrown'] as const) {
        const before = await snapshot();
        const r = await runWrite(db, tables(), async () => {
          await addBranch('第一党支部');
          return inner(outcome);
        });
        expect(r).toEqual({ ok: false, error: { kind: 'inner', message: '内层拒绝' } });
        expect(await snapshot()).toEqual(before);
      }
    });

    it('a returned inner failure is the enclosing body’s to judge: it may go on and commit', async () => {
      const r = await runWrite(db, tables(), async () => {
        await addBranch('第一党支部');
        const refused = await inner('returned');
        expect(refused.ok).toBe(false);
        return ok(await addBranch('第三党支部'));
      });
      expect(r.ok).toBe(true);
      expect((await db.organisation.toArray()).map((o) => o.name).sort()).toEqual(['第一党支部', '第三党支部', '第二党支部'].sort());
    });
  });
});
