import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The two front ends, built into dist/web and served by the api beside itself:
 * the residents' portal at /portaal/ and the back office for civil servants at /beheer/.
 */
export default defineConfig({
  root: here('.'),
  base: '/',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: here('../../dist/web'),
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      input: { portaal: here('portaal/index.html'), beheer: here('beheer/index.html') },
      // react-router marks its modules "use client" (for server components); in a browser bundle that means nothing.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});
