/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// One chunk per heavy vendor: better caching, and the build report shows each one's cost. motion is
// left to the bundler, so its animation features can load after the first paint (motionFeatures.ts).
const vendorGroups = [
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
  { name: 'xyflow', test: /node_modules[\\/](@xyflow|d3-[a-z]+|classcat|zustand|use-sync-external-store)[\\/]/ },
  // Our own code that the first screen needs, in one chunk: left to itself the bundler splits what
  // the lazy views (lessons, the twin view) share with it into several small chunks, each
  // compressed on its own and each loaded before the first paint anyway. What is only imported
  // dynamically stays out of it: the link codec with fflate (store/url.ts) and the autosave
  // (app/pageSession.ts) load when a link or a saved session first needs them.
  { name: 'app', test: /[\\/]src[\\/]/, tags: ['$initial' as const] },
];

// Open Graph wants an absolute image URL, and a build made to run from any path can't know its own:
// SITE_URL=https://example.org/ecs-playground/ npm run build writes it; without one the tag is
// relative, which some readers of the tag accept.
function ogImage(): Plugin {
  const site = process.env.SITE_URL;
  const url = site ? new URL('og-image.png', site.endsWith('/') ? site : `${site}/`).href : 'og-image.png';
  return { name: 'og-image', transformIndexHtml: (html) => html.replace('%OG_IMAGE%', url) };
}

export default defineConfig({
  // Relative URLs for every asset: the same dist/ works from / or from any sub-path.
  base: './',
  plugins: [react(), ogImage()],
  build: { rolldownOptions: { output: { codeSplitting: { groups: vendorGroups } } } },
  test: {
    environment: 'node',
    setupFiles: ['src/test-setup.ts'],
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    // CI's two cores run the test files side by side, and some start a Node process or walk a
    // scene for seconds: 5 s (Vitest's default) failed one such test there. A hang still fails.
    testTimeout: 30_000,
  },
});
