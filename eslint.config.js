import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// The simulation core must stay pure and deterministic (ARCHITECTURE.md): no UI libraries, no DOM,
// no wall-clock time, no timers, no unseeded randomness. Lint is where that promise is kept.
const simPatterns = [
  { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'src/sim is pure: no React.' },
  { group: ['zustand', 'zustand/*', '@xyflow/*', 'motion', 'motion/*', 'framer-motion'], message: 'src/sim is pure: no UI libraries.' },
  { group: ['node:*', 'fs', 'path', 'os'], message: 'src/sim runs in the browser and in Node alike: no Node APIs.' },
];
const simBoundary = {
  files: ['src/sim/**/*.ts', 'src/session/**/*.ts', 'src/lessons/**/*.ts'],
  ignores: ['src/sim/**/*.test.ts', 'src/session/**/*.test.ts', 'src/lessons/**/*.test.ts'],
  languageOptions: { globals: { ...globals.es2022 } },
  rules: {
    'no-restricted-globals': ['error',
      ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'performance',
        'setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'requestAnimationFrame',
        'cancelAnimationFrame', 'queueMicrotask', 'fetch', 'crypto', 'process'].map((name) => ({
        name, message: `src/sim is pure and deterministic: no ${name}. Time and randomness live in the sim state.`,
      })),
    ],
    'no-restricted-properties': ['error',
      { object: 'Math', property: 'random', message: 'Use the seeded RNG in the sim state (src/sim/rng.ts).' },
      { object: 'Date', property: 'now', message: 'Sim time is state: use world.now.' },
    ],
    'no-restricted-syntax': ['error',
      { selector: "NewExpression[callee.name='Date']", message: 'Sim time is state: use world.now (format with src/sim/time.ts).' },
    ],
  },
};

export default defineConfig(
  { ignores: ['dist', 'test-results', 'playwright-report', 'reports', 'node_modules'] },
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    extends: [js.configs.recommended, tseslint.configs.recommended, reactHooks.configs.flat.recommended],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  simBoundary,
  // Nothing in src/sim imports from outside it (dependencies point one way: app → store → sim).
  { files: ['src/sim/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [...simPatterns, { group: ['../*'], message: 'src/sim imports nothing from outside src/sim.' }] }] } },
  // The session layer is as pure as the engine, sits on its public surface, and knows no view.
  { files: ['src/session/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [...simPatterns,
    { group: ['../store/*', '../app/*', '../diagram/*'], message: 'src/session is beside the engine: it knows nothing of the store or the views.' },
    { group: ['../sim/*', '!../sim/index.ts', '!../sim/json.ts', '!../sim/schedules.ts'], message: 'src/session uses the engine through src/sim/index.ts (and json.ts and schedules.ts, for parsing a record) only.' },
  ] }] } },
  // The aws CLI sits on the engine as the session layer does: as pure, and it knows no view.
  { ...simBoundary, files: ['src/cli/**/*.ts'], ignores: ['src/cli/**/*.test.ts'] },
  { files: ['src/cli/*.ts'], ignores: ['src/cli/*.test.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [...simPatterns,
    { group: ['../store/*', '../app/*', '../diagram/*', '../session/*', '../lessons/*'], message: 'src/cli sits on the engine: it knows nothing of the session, the store or the views.' },
    { group: ['../sim/*', '!../sim/index.ts', '!../sim/json.ts', '!../sim/schedules.ts'], message: 'src/cli uses the engine through src/sim/index.ts, json.ts and schedules.ts only.' },
  ] }] } },
  // Lessons are data on the session layer: as pure as it, and they know no view.
  { files: ['src/lessons/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [...simPatterns,
    { group: ['**/store/*', '**/app/*', '**/diagram/*'], message: 'src/lessons is data on the session layer: it knows nothing of the store or the views.' },
    { group: ['**/sim/*', '!**/sim/index.ts', '!**/sim/schedules.ts'], message: 'src/lessons uses the engine through src/sim/index.ts (and schedules.ts) only.' },
  ] }] } },
  // The floor (src/sim/model): the vocabulary, types only, importing nothing but itself.
  { files: ['src/sim/model/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [...simPatterns, { group: ['../*'], message: 'src/sim/model is the floor: it imports nothing outside itself.' }] }] } },
  { files: ['src/sim/*/*.ts'], ignores: ['src/sim/model/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [...simPatterns, { group: ['../../*'], message: 'src/sim imports nothing from outside src/sim.' }] }] } },
);
