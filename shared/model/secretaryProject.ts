/** secretaryProject (党组(党委)书记项目): one project per secretary per year. */
import { z } from 'zod';
import { checkUnique } from './checks';
import { strictObject, withMeta } from './meta';
import type { FieldLabels } from './meta';
import { Id, IsoDate, listOf, LONG_TEXT_MAX, requiredText, text, typeMessage, Year } from './primitives';

export const MilestoneSchema = strictObject(
  {
    title: requiredText(),
    due: IsoDate.nullable(),
    done: z.boolean({ error: typeMessage('是否完成（是/否）') }),
  },
  '节点',
);
export type Milestone = z.infer<typeof MilestoneSchema>;

export const SecretaryProjectSchema = withMeta({
  year: Year,
  secretaryName: requiredText(50),
  title: requiredText(),
  /**
   * 项目目标. A project written before record schema 7 has the problem addressed, the goal and the
   * measures in this one text (no `problem`, no `measures`).
   */
  goal: text(LONG_TEXT_MAX),
  /** 针对的问题 (record schema 7): optional, absent in older projects (their `goal` says it). */
  problem: text(LONG_TEXT_MAX).optional(),
  /** 主要措施 (record schema 7): optional, absent in older projects (their `goal` says it). */
  measures: text(LONG_TEXT_MAX).optional(),
  milestones: listOf(MilestoneSchema, 100, '工作节点'),
  progress: text(LONG_TEXT_MAX),
  evaluation: text(LONG_TEXT_MAX),
  /**
   * 证明材料 (record schema 7): the attachment records (photos, PDF scans of what was done), whose
   * `ownerTable` is 'secretaryProject'; optional, absent in older projects = none.
   */
  attachmentIds: listOf(Id, 500, '证明材料').optional(),
}).superRefine((p, ctx) => {
  checkUnique(ctx, p.attachmentIds ?? [], (id) => id, (i) => ['attachmentIds', i], '同一证明材料重复添加，请删除重复项');
});
export type SecretaryProject = z.infer<typeof SecretaryProjectSchema>;

/** True for a project written with 针对的问题 and 主要措施 apart (record schema 7); false for an older one, whose `goal` holds all three. */
export function hasSplitGoal(p: Pick<SecretaryProject, 'problem' | 'measures'>): boolean {
  return p.problem !== undefined || p.measures !== undefined;
}

/** The project's 证明材料 (attachment ids); a project from before record schema 7 has none. */
export function projectAttachmentIds(p: Pick<SecretaryProject, 'attachmentIds'>): readonly string[] {
  return p.attachmentIds ?? [];
}

export const SECRETARY_PROJECT_FIELD_LABELS: FieldLabels<SecretaryProject> = {
  year: '年度',
  secretaryName: '书记姓名',
  title: '项目名称',
  goal: '项目目标',
  problem: '针对的问题',
  measures: '主要措施',
  milestones: '工作节点',
  'milestones.title': '节点内容',
  'milestones.due': '计划完成日期',
  'milestones.done': '是否完成',
  progress: '推进情况',
  evaluation: '成效评价',
  attachmentIds: '证明材料',
};
