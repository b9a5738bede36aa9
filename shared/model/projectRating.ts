/**
 * projectRating (书记项目评价, record schema 7): the 工委's rating of one unit's 书记项目 — on the
 * 述职评议 scale 好/较好/一般/差 (DUTY_REVIEW_RATINGS) with a comment. Committee-owned; `unitId` is the
 * rated unit's id, so the record travels to that unit in the 工委's return bundle and is shown,
 * read-only, on the project. One live rating per project (the repository); `year` is the project's.
 */
import type { z } from 'zod';
import { withMeta } from './meta';
import type { FieldLabels } from './meta';
import { Id, LONG_TEXT_MAX, oneOf, text, Year } from './primitives';
import { DUTY_REVIEW_RATINGS } from './vocabulary';

export const ProjectRatingSchema = withMeta({
  /** The rated 书记项目 (a unit's secretaryProject). */
  projectId: Id,
  year: Year,
  rating: oneOf(DUTY_REVIEW_RATINGS, '评价等次'),
  comment: text(LONG_TEXT_MAX),
});
export type ProjectRating = z.infer<typeof ProjectRatingSchema>;

export const PROJECT_RATING_FIELD_LABELS: FieldLabels<ProjectRating> = {
  projectId: '书记项目',
  year: '项目年度',
  rating: '评价等次',
  comment: '评价意见',
};
