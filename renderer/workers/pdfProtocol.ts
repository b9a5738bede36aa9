/**
 * The messages between the page (pdfClient.ts) and the PDF worker (pdf.worker.ts). The worker
 * reads the records itself (its own Dexie connection to the app's database), so a request names
 * the unit, the year and the day, never carries records; the annual report's snapshot is computed
 * once, by `prepare-annual`, and kept in the worker for the 生成 that follows.
 */
import type { AnnualDrafts } from '../../shared/reports/annualDrafts';
import type { SnapshotOptions } from '../../shared/reports/reportData';
import type { IsoDate } from '../../shared/rules/dates';
import type { RuleProfile } from '../../shared/rules/profile';

/** A report of one unit: whose records, which year, which day (and the rule profile in force). */
export type UnitSnapshot = SnapshotOptions;

/** The city report (工委): every enrolled unit with data, reduced one by one inside the worker. */
export interface CityJob {
  readonly kind: 'city';
  /** The committee issuing the report (落款). */
  readonly committeeName: string;
  /** 主送. */
  readonly addressee: string;
  readonly year: number;
  /** 截至: the day the figures are about. */
  readonly asOf: IsoDate;
  /** 成文日期. */
  readonly date: IsoDate;
  readonly profile: RuleProfile;
}

export type ReportJob =
  | { readonly kind: 'annual'; readonly snapshot: UnitSnapshot; readonly drafts: AnnualDrafts; readonly date: IsoDate }
  | { readonly kind: 'roster'; readonly snapshot: UnitSnapshot; readonly full: boolean }
  | { readonly kind: 'meetings'; readonly snapshot: UnitSnapshot; readonly organisationId: string }
  | { readonly kind: 'signin-meeting'; readonly snapshot: UnitSnapshot; readonly meetingId: string }
  | { readonly kind: 'signin-training'; readonly snapshot: UnitSnapshot; readonly classId: string }
  /** 三级五岗: the year's 职责清单 (`list`) or its 自查表 (`selfCheck`); reads only the unit and its duty lists. */
  | { readonly kind: 'duties'; readonly snapshot: UnitSnapshot; readonly part: 'list' | 'selfCheck' }
  /** 工委: the year's 季度考核汇总表 (the published quarters of every enrolled unit), 截至 `asOf`. */
  | { readonly kind: 'year-view'; readonly year: number; readonly asOf: IsoDate }
  /** 工委: one quarter's 考核计分表 — its published results, else the live preview computed on `today` (marked 未发布（预览）). */
  | { readonly kind: 'quarter-scores'; readonly quarter: string; readonly today: IsoDate }
  /** 工委: the 红黄牌台账, every card issued up to `asOf`. */
  /** `year`: the cards issued in that year; null: every card */
  | { readonly kind: 'card-register'; readonly asOf: IsoDate; readonly year: number | null }
  | CityJob;

/** What the annual report panel shows before 生成: the text generated from the year's figures. */
export interface AnnualPrepared {
  /** The unit's name (its unit record). */
  readonly unitName: string;
  readonly defaults: AnnualDrafts;
}

/** A host font the worker may use: its family (from the file name) and its bytes. */
export interface HostFont {
  readonly id: string;
  readonly family: string;
  readonly bytes: Uint8Array;
}

/** data: reading records (and, for the city, reducing each unit); then fonts, layout, rendering. */
export type PdfStage = 'data' | 'fonts' | 'layout' | 'render';

export type WorkerRequest =
  | { readonly type: 'host-fonts'; readonly fonts: readonly HostFont[] }
  /**
   * The 报表 page opened: load pdfmake and the session's fonts now and render one small page with
   * them (pdfmake's code compiled, the font files read), so that the first report does not wait.
   * Sent after host-fonts; no answer.
   */
  | { readonly type: 'warm-up'; readonly fontsBase: string }
  | { readonly type: 'prepare-annual'; readonly id: number; readonly snapshot: UnitSnapshot }
  | {
      readonly type: 'generate';
      readonly id: number;
      readonly job: ReportJob;
      /** Where the bundled fonts are served: fonts/ beside index.html. */
      readonly fontsBase: string;
    };

export type WorkerResponse =
  /** prepare-annual's answer; null when the unit has no unit record (nothing sent or set up yet). */
  | { readonly type: 'prepared'; readonly id: number; readonly prepared: AnnualPrepared | null }
  | { readonly type: 'progress'; readonly id: number; readonly stage: PdfStage; readonly fraction: number }
  | { readonly type: 'done'; readonly id: number; readonly bytes: Uint8Array; readonly fonts: string; readonly pages: number; readonly ms: number }
  | { readonly type: 'error'; readonly id: number; readonly message: string };

export interface PdfResult {
  readonly bytes: Uint8Array;
  /** describeFontSet of the set used. */
  readonly fonts: string;
  readonly pages: number;
  /** Time inside the worker, ms. */
  readonly ms: number;
}

export interface PdfProgress {
  readonly stage: PdfStage;
  /** 0…1 over the whole job. */
  readonly fraction: number;
}
