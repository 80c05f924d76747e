// The theme switch: auto (the system's), light or dark.

import type { ThemeChoice } from '../store/mode.ts';
import { usePage, usePageApi } from '../store/StoreContext.tsx';

const LABELS: Record<ThemeChoice, string> = { auto: 'Auto', light: 'Light', dark: 'Dark' };

export function ThemeSwitch() {
  const page = usePageApi();
  const theme = usePage((s) => s.theme);
  return (
    <label className="theme-switch">
      <span className="visually-hidden">Theme</span>
      <select value={theme} aria-label="Theme" onChange={(e) => page.getState().setTheme(e.target.value as ThemeChoice)}>
        {(['auto', 'light', 'dark'] as const).map((t) => <option key={t} value={t}>{LABELS[t]}</option>)}
      </select>
    </label>
  );
}
