import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { secretaryProjectProgress } from '../../shared/rules/duties/secretaryProjects';
import { openDatabase, type TaizhangDb } from './db';
import { unitSecretaryProjects } from './queries/secretaryProjects';
import {
  addMilestone,
  createSecretaryProject,
  deleteSecretaryProject,
  removeMilestone,
  setMilestoneDone,
  updateMilestone,
  updateSecretaryProject,
  type SecretaryProjectInput,
} from './secretaryProjectRepository';
import { completeSetup } from './workspaceRepository';
import { openWriteContext, type WriteContext } from './writeContext';

let db: TaizhangDb;
let ctx: WriteContext;
let n = 0;
const clock = Date.parse('2026-12-05T08:00:00.000Z');

beforeEach(async () => {
  db = openDatabase(`test-secretary-projects-${++n}`);
  const r = await completeSetup(db, { mode: 'unit', name: '市财政局', creditCode: '11410100MB1234567W', staffCount: 180, partyGroupKind: 'partyGroup', operatorName: '张敏' });
  if (!r.ok) throw new Error(r.error.message);
  ctx = await openWriteContext(db, () => new Date(clock));
});

afterEach(async () => {
  await db.delete();
});

async function must<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const input = (over: Partial<SecretaryProjectInput> = {}): SecretaryProjectInput => ({
  year: 2026,
  secretaryName: '王建国',
  title: '“党建+营商环境”提质增效',
  goal: '解决审批窗口党员示范作用发挥不够的问题，年内办件满意率达到98%。',
  progress: '',
  evaluation: '',
  ...over,
});

describe('书记项目 writes', () => {
  it('stores a project with its milestones in due-date order, read back by unit, with progress and overdue', async () => {
    const p = await must(createSecretaryProject(ctx, input({ title: '  “党建+营商环境”提质增效 ' })));
    expect(p.title).toBe('“党建+营商环境”提质增效');
    await must(addMilestone(ctx, p.id, { title: '形成年度总结', due: '2026-12-20' }));
    await must(addMilestone(ctx, p.id, { title: '建立长效机制', due: null }));
    await must(addMilestone(ctx, p.id, { title: '开展专题调研', due: '2026-11-30' }));
    const [stored] = await unitSecretaryProjects(db, ctx.ownerId);
    expect(stored!.milestones.map((m) => [m.title, m.due, m.done])).toEqual([
      ['开展专题调研', '2026-11-30', false],
      ['形成年度总结', '2026-12-20', false],
      ['建立长效机制', null, false],
    ]);
    expect(secretaryProjectProgress([stored!], 2026, '2026-12-05')).toMatchObject({ milestones: 3, done: 0, overdue: 1 });

    await must(setMilestoneDone(ctx, p.id, { index: 0, title: '开展专题调研' }, true));
    const [after] = await unitSecretaryProjects(db, ctx.ownerId);
    expect(secretaryProjectProgress([after!], 2026, '2026-12-05')).toMatchObject({ done: 1, overdue: 0, share: 1 / 3 });
    expect(await unitSecretaryProjects(db, 'another-unit')).toEqual([]);
    expect((await db.changes.toArray()).filter((c) => c.table === 'secretaryProject')).toHaveLength(5);
    expect((await db.audit.toArray()).filter((r) => r.table === 'secretaryProject')).toHaveLength(5);
  });

  it('edits and removes a milestone, keeps its done mark on edit, and refuses a write to a milestone that changed meanwhile', async () => {
    const p = await must(createSecretaryProject(ctx, input()));
    await must(addMilestone(ctx, p.id, { title: '制定方案', due: '2026-03-31' }));
    await must(setMilestoneDone(ctx, p.id, { index: 0, title: '制定方案' }, true));
    await must(updateMilestone(ctx, p.id, { index: 0, title: '制定方案' }, { title: '制定实施方案', due: '2026-04-15' }));
    let [stored] = await unitSecretaryProjects(db, ctx.ownerId);
    expect(stored!.milestones).toEqual([{ title: '制定实施方案', due: '2026-04-15', done: true }]);

    const stale = await removeMilestone(ctx, p.id, { index: 0, title: '制定方案' });
    expect(stale).toMatchObject({ ok: false, error: { kind: 'stale-milestone' } });
    await must(removeMilestone(ctx, p.id, { index: 0, title: '制定实施方案' }));
    [stored] = await unitSecretaryProjects(db, ctx.ownerId);
    expect(stored!.milestones).toEqual([]);
  });

  it('refuses an empty milestone title and a bad date in Chinese, writing nothing', async () => {
    const p = await must(createSecretaryProject(ctx, input()));
    const noTitle = await addMilestone(ctx, p.id, { title: '  ', due: '2026-05-01' });
    expect(noTitle.ok).toBe(false);
    if (!noTitle.ok) expect(noTitle.error.message).toMatch(/[\u4e00-\u9fa5]/);
    const badDate = await addMilestone(ctx, p.id, { title: '调研', due: '2026-02-30' });
    expect(badDate.ok).toBe(false);
    const [stored] = await unitSecretaryProjects(db, ctx.ownerId);
    expect(stored!.milestones).toEqual([]);
  });

  it('one project per secretary per year: a second is refused, another year or secretary is not', async () => {
    const p = await must(createSecretaryProject(ctx, input()));
    const again = await createSecretaryProject(ctx, input({ secretaryName: ' 王建国 ', title: '另一个项目' }));
    expect(again).toMatchObject({
      ok: false,
      error: { kind: 'duplicate-project', path: ['secretaryName'], message: '王建国已有2026年的书记项目““党建+营商环境”提质增效”。每位书记每年一个项目：请修改原有项目，或核对年度和书记姓名。',
      },
    });
    expect((await createSecretaryProject(ctx, input({ year: 2025 }))).ok).toBe(true);
    expect((await createSecretaryProject(ctx, input({ secretaryName: '李红' }))).ok).toBe(true);
    // editing the project itself is not a duplicate of itself
    await must(updateSecretaryProject(ctx, p.id, input({ progress: '已完成调研，形成问题清单12条。', evaluation: '年度目标基本实现。' })));
    const refusedEmpty = await updateSecretaryProject(ctx, p.id, input({ title: '' }));
    expect(refusedEmpty.ok).toBe(false);
  });

  it('deletes a project as a tombstone; the committee cannot write', async () => {
    const p = await must(createSecretaryProject(ctx, input()));
    await must(deleteSecretaryProject(ctx, p.id));
    expect(await unitSecretaryProjects(db, ctx.ownerId)).toEqual([]);
    expect((await db.secretaryProject.get(p.id))?.deleted).toBe(true);
    expect(await deleteSecretaryProject(ctx, p.id)).toMatchObject({ ok: false, error: { kind: 'not-found' } });
    const committee = { ...ctx, mode: 'committee' as const };
    expect(await createSecretaryProject(committee, input())).toMatchObject({ ok: false, error: { kind: 'wrong-mode', message: '书记项目由单位填报，工委端只能查看。' } });
  });
});
