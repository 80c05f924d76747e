// The test every spec uses: Playwright's, with a guard on every page it opens. The app makes no
// request to any other origin and runs clean under its Content-Security-Policy, so each test also
// fails if a page it drove asked another origin for anything or the browser reported a CSP
// violation (as a console message, or a securitypolicyviolation event in any frame).

import { test as base, expect } from '@playwright/test';

export type GuardOptions = { otherOrigins: string[] };

export const test = base.extend<GuardOptions & { guard: void }>({
  /** Origins besides the app's own that a spec serves itself (a host page, a sub-path). */
  otherOrigins: [[], { option: true }],
  guard: [
    async ({ context, baseURL, otherOrigins }, use) => {
      const allowed = new Set([new URL(baseURL!).origin, ...otherOrigins]);
      const foreign: string[] = [];
      const violations: string[] = [];
      context.on('request', (request) => {
        const url = request.url();
        if (/^(data|blob|about):/.test(url)) return;
        if (!allowed.has(new URL(url).origin)) foreign.push(url);
      });
      context.on('console', (message) => {
        if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
      });
      await context.exposeBinding('__reportCspViolation', (_source, text: string) => void violations.push(text));
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          (window as unknown as { __reportCspViolation: (text: string) => void }).__reportCspViolation(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
        });
      });
      await use();
      expect(foreign, 'requests to another origin').toEqual([]);
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
