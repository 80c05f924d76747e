/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// One chunk per heavy vendor: better caching, and the build report shows each one's cost. motion is
// left to the bundler, so its animation features can load after the first paint (motionFeatures.ts).
const vendorGroups = [
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
  { name: 'xyflow', test: /node_modules[\\/](@xyflow|d3-[a-z]+|classcat|zustand|use-sync-external-store)[\\/]/ },
  // Our own code that the first screen needs, in one chunk: left to itself the bundler splits what
  // the lazy views (lessons, the twin view) share with it into several small chunks, each
  // compressed on its own and each loaded before the first paint anyway.
  { name: 'app', test: /[\\/]src[\\/]/, tags: ['$initial' as const] },
];

export default defineConfig({
  plugins: [react()],
  build: { rolldownOptions: { output: { codeSplitting: { groups: vendorGroups } } } },
  test: {
    environment: 'node',
    setupFiles: ['src/test-setup.ts'],
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
  },
});
