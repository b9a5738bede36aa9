/**
 * The annual report's saved drafts (a unit's own workspace): the versions, whether the text on
 * screen differs from the newest, and saving a new version.
 */
import type { AnnualDrafts } from '../../../shared/reports/annualDrafts';
import { draftsToSave, draftsToShow } from '../../../shared/reports/annualDutiesText';
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

/** `defaults`: the generated text (履行主体责任情况 is saved empty while it is the generated text). */
export function useDraftSaving(unitId: string, year: number, drafts: AnnualDrafts | null, addressee: string, defaults: Pick<AnnualDrafts, 'duties'> | null): DraftSaving {
  const write = useWriteAction();
  const versions = useAppQuery(reportDraftVersions, unitId, year);
  const latest = versions?.at(-1);
  const dirty =
    drafts !== null &&
    (latest === undefined ||
      latest.intro !== drafts.intro ||
      (defaults !== null && draftsToShow(latest, defaults).duties !== drafts.duties) ||
      latest.problems !== drafts.problems ||
      latest.nextSteps !== drafts.nextSteps ||
      latest.addressee !== addressee.trim());
  const save = async (): Promise<boolean> => {
    if (drafts === null) return false;
    const toSave = defaults === null ? drafts : draftsToSave(drafts, defaults);
    return (await write((ctx) => saveReportDraft(ctx, { unitId, year, addressee, ...toSave }), { success: '草稿已保存' })) !== null;
  };
  return { versions, dirty, save };
}
