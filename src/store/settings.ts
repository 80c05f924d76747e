// Settings from the page's URL (?scenario=twins&seed=7&speed=16). A link may be hand-edited or
// tampered with: every bad value falls back to its default and is reported, never thrown.

import { findScenario, SCENARIOS } from '../sim/index.ts';
import { SPEEDS, type SimSettings, type Speed } from './simStore.ts';

export const DEFAULT_SETTINGS: SimSettings = { seed: 1, scenario: 'default', speed: 8 };

export function settingsFromUrl(search: string): { settings: SimSettings; problems: string[] } {
  const params = new URLSearchParams(search);
  const settings = { ...DEFAULT_SETTINGS };
  const problems: string[] = [];
  const scenario = params.get('scenario');
  if (scenario !== null) {
    if (findScenario(scenario)) settings.scenario = scenario;
    else problems.push(`There is no scenario "${scenario}" (there are ${SCENARIOS.map((s) => s.name).join(', ')}): showing "${settings.scenario}".`);
  }
  const seed = params.get('seed');
  if (seed !== null) {
    if (/^\d{1,10}$/.test(seed) && Number(seed) <= 2 ** 32 - 1) settings.seed = Number(seed);
    else problems.push(`The seed must be a whole number from 0 to 4294967295, not "${seed}": using ${settings.seed}.`);
  }
  const speed = params.get('speed');
  if (speed !== null) {
    const n = Number(speed);
    if ((SPEEDS as readonly number[]).includes(n)) settings.speed = n as Speed;
    else problems.push(`The speed must be one of ${SPEEDS.join(', ')}, not "${speed}": using ${settings.speed}×.`);
  }
  return { settings, problems };
}
