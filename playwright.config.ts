import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

// CHROMIUM_PATH=/path/to/chrome uses that binary; CHROMIUM_PATH= (empty) uses Playwright's own
// browser (`npx playwright install chromium`); unset uses Debian's /usr/bin/chromium when present.
const systemChromium = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : '');
// E2E_PORT and E2E_DIST let two runs on one machine keep out of each other's way.
const PORT = Number(process.env.E2E_PORT ?? 4173);
const DIST = process.env.E2E_DIST ?? 'dist';

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  // Two at a time: most of a test is waiting on sim time, not using a core (two used half of CI's
  // two cores and took 12 minutes; three saturated them, and frame-paced tests fell behind).
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    viewport: { width: 1280, height: 720 },
    trace: 'retain-on-failure',
    launchOptions: systemChromium
      ? {
          executablePath: systemChromium,
          args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
            '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
        }
      : {},
  },
  // Tests run against the production build, as a visitor gets it.
  webServer: {
    command: `npx vite build --outDir ${DIST} --emptyOutDir && npx vite preview --outDir ${DIST} --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
});
