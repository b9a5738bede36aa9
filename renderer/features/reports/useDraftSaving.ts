/**
 * The annual report's saved drafts (a unit's own workspace): the versions, whether the text on
 * screen differs from the newest, and saving a new version.
 */
import type { AnnualDrafts } from '../../../shared/reports/annualDrafts';
import type { ReportDraftRow } from '../../db/localTypes';
import { reportDraftVersions } from '../../db/queries/reports';
import { saveReportDraft } from '../../db/reportDraftRepository';
import { useAppQuery } from '../common/useAppQuery';
import { useWriteAction } from '../common/useWriteAction';

export interface DraftSaving {
  /** Oldest first; undefined while loading. */
  readonly versions: readonly ReportDraftRow[] | undefined;
  /** The text on screen is not the newest saved version (or nothing is saved). */
  readonly dirty: boolean;
  /** Saves a new version; false when the save failed (the message has been shown). */
  save(): Promise<boolean>;
}

export function useDraftSaving(unitId: string, year: number, drafts: AnnualDrafts | null, addressee: string): DraftSaving {
  const write = useWriteAction();
  const versions = useAppQuery(reportDraftVersions, unitId, year);
  const latest = versions?.at(-1);
  const dirty =
    drafts !== null &&
    (latest === undefined ||
      latest.intro !== drafts.intro ||
      latest.problems !== drafts.problems ||
      latest.nextSteps !== drafts.nextSteps ||
      latest.addressee !== addressee.trim());
  const save = async (): Promise<boolean> => {
    if (drafts === null) return false;
    return (await write((ctx) => saveReportDraft(ctx, { unitId, year, addressee, ...drafts }), { success: '草稿已保存' })) !== null;
  };
  return { versions, dirty, save };
}
