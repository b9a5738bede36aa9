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
  goal: text(LONG_TEXT_MAX),
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

/** The project's 证明材料 (attachment ids); a project from before record schema 7 has none. */
export function projectAttachmentIds(p: Pick<SecretaryProject, 'attachmentIds'>): readonly string[] {
  return p.attachmentIds ?? [];
}

export const SECRETARY_PROJECT_FIELD_LABELS: FieldLabels<SecretaryProject> = {
  year: '年度',
  secretaryName: '书记姓名',
  title: '项目名称',
  goal: '项目目标',
  milestones: '工作节点',
  'milestones.title': '节点内容',
  'milestones.due': '计划完成日期',
  'milestones.done': '是否完成',
  progress: '推进情况',
  evaluation: '成效评价',
  attachmentIds: '证明材料',
};
