/**
 * The bundled report fonts: present after `npm run fonts` (copied from their npm packages, never
 * committed), and measured exactly as shared/reports/bundledFontMetrics.ts says — the grid layout
 * relies on those advances; if the font packages change, regenerate the table with
 * `npx tsx scripts/report-font-metrics.ts`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_FONT_METRICS } from '../../shared/reports/bundledFontMetrics';
import { BUNDLED_FONT_FILES } from '../../shared/reports/fonts';
import { ensureBundledFonts, FONTS_DIR, measureFontFile } from '../../scripts/cli/renderPdf';

describe('bundled report fonts', () => {
  it('are copied into resources/fonts and measure as tabulated', () => {
    ensureBundledFonts();
    for (const file of BUNDLED_FONT_FILES) {
      const full = path.join(FONTS_DIR, file);
      expect(existsSync(full), file).toBe(true);
      expect(measureFontFile(full), `${file}: regenerate with npx tsx scripts/report-font-metrics.ts`).toEqual(BUNDLED_FONT_METRICS[file]);
    }
  });
});
