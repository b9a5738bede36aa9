import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, describeChromium, findChromium } from './test/e2e/chromium';

// Overridable so that two engineers (or an engineer and CI) can run e2e side by side.
const PORT = Number(process.env.TZ_E2E_PORT ?? 4179);
const DIST = process.env.TZ_E2E_DIST ?? 'dist/renderer';

// The tests' own dates (dayjs() in a spec) are taken on the same calendar as the browser's
// (timezoneId below): a spec run between 16:00 and 24:00 UTC otherwise computes "today" a day
// behind the app. Node applies a TZ assigned here to every later Date; the workers inherit it.
process.env.TZ = 'Asia/Shanghai';

// Which browser runs, said once (the config is loaded again in every worker).
if (process.env.TEST_WORKER_INDEX === undefined) console.log(describeChromium());

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    browserName: 'chromium',
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 820 },
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  // Serves the built renderer (npm run test:e2e builds it first), as `npm start` does.
  webServer: {
    command: `node scripts/serve.mjs ${PORT} ${DIST}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
