/**
 * What the annual report panel starts from: the text generated from the year's figures (computed
 * once, in the PDF worker, which keeps the snapshot for 生成), the newest saved draft (a unit's
 * own workspace only: drafts are local, the committee has none of a unit's), and the 主送.
 */
import { useEffect, useState } from 'react';
import type { AnnualDrafts } from '../../../shared/reports/annualDrafts';
import { draftsToShow } from '../../../shared/reports/annualDutiesText';
import type { RuleProfile } from '../../../shared/rules/profile';
import { latestReportDraft, reportCommitteeName } from '../../db/queries/reports';
import { onAppDatabase } from '../../db/session';
import { prepareAnnualReport } from '../../workers/pdfClient';
import { asOfFor, DEFAULT_ADDRESSEE } from '../common/reportFiles';

export type AnnualPreparation =
  | { readonly state: 'loading' }
  | { readonly state: 'failed'; readonly message: string }
  | { readonly state: 'no-unit' }
  | {
      readonly state: 'ready';
      readonly unitName: string;
      /** The text generated from the year's figures. */
      readonly defaults: AnnualDrafts;
      /** The newest saved draft, else the defaults. */
      readonly drafts: AnnualDrafts;
      readonly addressee: string;
    };

export function useAnnualPreparation(unitId: string, year: number, profile: RuleProfile | undefined, readOnly: boolean): AnnualPreparation {
  const [prepared, setPrepared] = useState<AnnualPreparation>({ state: 'loading' });
  useEffect(() => {
    if (profile === undefined) return;
    let live = true;
    setPrepared({ state: 'loading' });
    void (async () => {
      const [committee, latest] = await Promise.all([onAppDatabase(reportCommitteeName), readOnly ? undefined : onAppDatabase(latestReportDraft, unitId, year)]);
      const addressee = latest?.addressee || committee || DEFAULT_ADDRESSEE;
      const generated = await prepareAnnualReport({ unitId, year, asOf: asOfFor(year), committeeName: addressee, profile });
      if (!live) return;
      if (generated === null) return setPrepared({ state: 'no-unit' });
      const drafts = latest ? draftsToShow(latest, generated.defaults) : generated.defaults;
      setPrepared({ state: 'ready', unitName: generated.unitName, defaults: generated.defaults, drafts, addressee });
    })().catch((e: unknown) => {
      if (live) setPrepared({ state: 'failed', message: e instanceof Error ? e.message : String(e) });
    });
    return () => {
      live = false;
    };
  }, [unitId, year, profile, readOnly]);
  return prepared;
}
