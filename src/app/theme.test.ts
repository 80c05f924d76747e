// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyTheme, resolveTheme, storedTheme, storeTheme } from './theme.ts';

const KEY = 'ecs-playground:theme';

afterEach(() => {
  vi.restoreAllMocks();
  window.localStorage.clear();
  delete document.documentElement.dataset.theme;
});

describe('storedTheme', () => {
  it('reads back a stored light or dark choice; nothing stored is auto', () => {
    expect(storedTheme()).toBe('auto');
    storeTheme('dark');
    expect(window.localStorage.getItem(KEY)).toBe('dark');
    expect(storedTheme()).toBe('dark');
    storeTheme('light');
    expect(storedTheme()).toBe('light');
  });

  it('auto removes the stored choice rather than storing it', () => {
    storeTheme('dark');
    storeTheme('auto');
    expect(window.localStorage.getItem(KEY)).toBeNull();
    expect(storedTheme()).toBe('auto');
  });

  it.each(['', 'Dark', 'blue', '__proto__', 'constructor', 'toString', 'auto ', '{"theme":"dark"}'])('treats the stored value %j as auto', (value) => {
    window.localStorage.setItem(KEY, value);
    expect(storedTheme()).toBe('auto');
  });

  it('falls back to auto when storage refuses to be read', () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    expect(storedTheme()).toBe('auto');
  });

  it('keeps going when storage refuses to be written (the choice lasts for the page)', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    vi.spyOn(Storage.prototype, 'removeItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    expect(() => storeTheme('dark')).not.toThrow();
    expect(() => storeTheme('auto')).not.toThrow();
  });
});

describe('applyTheme and resolveTheme', () => {
  it('writes the choice on <html> for the style sheets', () => {
    applyTheme('dark');
    expect(document.documentElement.dataset.theme).toBe('dark');
    applyTheme('auto');
    expect(document.documentElement.dataset.theme).toBe('auto');
  });

  it('resolves auto by the system preference, and an explicit choice as itself', () => {
    const original = window.matchMedia;
    const system = (dark: boolean) => (query: string) => ({ matches: dark && query === '(prefers-color-scheme: dark)' }) as MediaQueryList;
    try {
      window.matchMedia = system(true);
      expect(resolveTheme('auto')).toBe('dark');
      expect(resolveTheme('light')).toBe('light');
      window.matchMedia = system(false);
      expect(resolveTheme('auto')).toBe('light');
    } finally {
      window.matchMedia = original;
    }
    expect(resolveTheme('dark')).toBe('dark');
  });
});
