// Locators both e2e files use.

import type { Page } from '@playwright/test';

/** Rows of the tasks table for a group (service:web, family:report), optionally with a lastStatus. */
export const rows = (page: Page, group: string, status?: string) =>
  page.locator(`tbody tr[data-group="${group}"]${status ? `[data-last-status="${status}"]` : ''}`);
