// What the browser scripts share: a `vite preview` of the built app on a port of their own, and
// Debian's Chromium launched headless with the flags toolchain §5 names.

import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const args = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking'];

/** Serve a build (dist/ unless told another outDir) and resolve with its base URL once it
 *  answers; the server stops when Node exits. */
export async function startPreview(port, outDir = 'dist') {
  const base = `http://127.0.0.1:${port}`;
  const server = spawn('npx', ['vite', 'preview', '--outDir', outDir, '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { stdio: 'ignore', detached: true });
  const stop = () => {
    try {
      process.kill(-server.pid);
    } catch {
      /* already gone */
    }
  };
  process.on('exit', stop);
  for (let i = 0; ; i++) {
    try {
      await fetch(base);
      return { base, stop };
    } catch {
      if (i > 100) throw new Error('vite preview did not start');
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

export const launchChromium = () => chromium.launch({ executablePath, args });
