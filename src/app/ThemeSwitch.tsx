// The theme switch: auto (the system's, followed live by the style sheets), light or dark. A native
// select, so its name ("Theme") and its value are announced and the keyboard works as everywhere
// else; a small icon beside it says what it is for, at every width.

import type { ThemeChoice } from '../store/mode.ts';
import { usePage, usePageApi } from '../store/StoreContext.tsx';

const CHOICES: readonly { value: ThemeChoice; label: string }[] = [
  { value: 'auto', label: 'Auto' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

/** A sun, a moon, or the two halves of a circle for auto: drawn in the text's colour. */
function ThemeIcon({ theme }: { theme: ThemeChoice }) {
  return (
    <svg className="theme-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      {theme === 'light' ? (
        <g fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round">
          <circle cx="8" cy="8" r="3" fill="currentColor" />
          <path d="M8 1v1.5M8 13.5V15M1 8h1.5M13.5 8H15M3 3l1 1M12 12l1 1M3 13l1-1M12 4l1-1" />
        </g>
      ) : theme === 'dark' ? (
        <path fill="currentColor" d="M10.5 1.5a6.5 6.5 0 1 0 4 11.1A5.5 5.5 0 0 1 10.5 1.5z" />
      ) : (
        <g>
          <circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" strokeWidth="1.5" />
          <path fill="currentColor" d="M8 2a6 6 0 0 1 0 12z" />
        </g>
      )}
    </svg>
  );
}

export function ThemeSwitch() {
  const page = usePageApi();
  const theme = usePage((s) => s.theme);
  const choose = (value: string) => {
    const choice = CHOICES.find((c) => c.value === value);
    if (choice) page.getState().setTheme(choice.value);
  };
  return (
    <label className="theme-switch" title="Theme: follow the system, or always light or dark">
      <ThemeIcon theme={theme} />
      <select value={theme} aria-label="Theme" onChange={(e) => choose(e.target.value)}>
        {CHOICES.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
      </select>
    </label>
  );
}
