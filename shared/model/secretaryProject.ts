/** secretaryProject (党组(党委)书记项目): one project per secretary per year. */
import { z } from 'zod';
import { strictObject, withMeta } from './meta';
import type { FieldLabels } from './meta';
import { IsoDate, listOf, LONG_TEXT_MAX, requiredText, text, typeMessage, Year } from './primitives';

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
});
export type SecretaryProject = z.infer<typeof SecretaryProjectSchema>;

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
};
