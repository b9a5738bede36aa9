/**
 * Runs one report in the PDF worker: progress while it runs, then the save dialog (or download)
 * with `<单位>_<报表名>_<year>.pdf`, and which fonts the report used. The unit reports and the
 * committee's city report share it.
 */
import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Progress, Space, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { isExpectedFailure } from '../../../shared/errors/errors';
import type { SaveFileResult } from '../../../shared/platform';
import { platform } from '../../platform';
import { generatePdf, warmUpPdfWorker, type PdfStage, type ReportJob } from '../../workers/pdfClient';

const STAGE_LABELS: Record<PdfStage, string> = { fonts: '正在载入字体', data: '正在读取数据', layout: '正在排版', render: '正在生成 PDF' };

export interface PdfOutcome {
  fileName: string;
  saved: boolean;
  /** The save's result and the bytes, to open the PDF for printing. */
  savedFile: Extract<SaveFileResult, { saved: true }> | null;
  bytes: Uint8Array;
  fonts: string;
  pages: number;
  ms: number;
}

/** `labels`: other words for a stage (the city report says what its data stage does). */
export function usePdfJob(labels: Partial<Record<PdfStage, string>> = {}) {
  const { message } = App.useApp();
  const [progress, setProgress] = useState<{ stage: PdfStage; percent: number } | null>(null);
  const [outcome, setOutcome] = useState<PdfOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  // any page that prints warms the worker (pdfmake and the fonts, once per session) while the
  // user reads it, as 报表 does: the first print of a session no longer waits for the fonts
  useEffect(() => warmUpPdfWorker(), []);

  const run = useCallback(
    async (job: ReportJob, fileName: string): Promise<PdfOutcome | null> => {
      setOutcome(null);
      setError(null);
      setProgress({ stage: 'fonts', percent: 0 });
      try {
        const result = await generatePdf(job, (p) => setProgress({ stage: p.stage, percent: Math.round(p.fraction * 100) }));
        setProgress({ stage: 'render', percent: 100 });
        const saved = await platform().saveFile(fileName, result.bytes, [{ name: 'PDF 文件', extensions: ['pdf'] }]);
        const done: PdfOutcome = {
          fileName: saved.saved ? saved.fileName : fileName,
          saved: saved.saved,
          savedFile: saved.saved ? saved : null,
          bytes: result.bytes,
          fonts: result.fonts,
          pages: result.pages,
          ms: result.ms,
        };
        setOutcome(done);
        if (saved.saved) void message.success(`已生成 ${done.fileName}（${done.pages} 页）`);
        return done;
      } catch (e) {
        const text = e instanceof Error ? e.message : String(e);
        setError(`未能生成 PDF：${text}`);
        return null;
      } finally {
        setProgress(null);
      }
    },
    [message],
  );

  // nothing at all while idle: an empty block would still take a slot (and its gap) in the page's layout
  const panel = !progress && !error && !outcome ? null : (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {progress && (
        <div data-testid="pdf-progress">
          <Typography.Text type="secondary">{labels[progress.stage] ?? STAGE_LABELS[progress.stage]}…</Typography.Text>
          <Progress percent={progress.percent} status="active" />
        </div>
      )}
      {error && <Alert type="error" showIcon title={error} />}
      {outcome && (
        <Alert
          data-testid="pdf-outcome"
          type={outcome.saved ? 'success' : 'info'}
          showIcon
          title={outcome.saved ? `已生成 ${outcome.fileName}：${outcome.pages} 页，用时 ${(outcome.ms / 1000).toFixed(1)} 秒` : '已生成，但未保存（已取消保存）'}
          description={<span data-testid="pdf-fonts">本报表使用的字体：{outcome.fonts}</span>}
          action={
            outcome.savedFile && (
              <Button
                icon={<PrinterOutlined />}
                onClick={() =>
                  void platform()
                    .openSaved(outcome.savedFile!, outcome.bytes, 'application/pdf')
                    .catch((e: unknown) => message.error(isExpectedFailure(e) ? e.error.message : '无法打开文件，请到保存的位置打开后打印。'))
                }
              >
                打开打印
              </Button>
            )
          }
        />
      )}
    </Space>
  );

  return { run, running: progress !== null, panel };
}
