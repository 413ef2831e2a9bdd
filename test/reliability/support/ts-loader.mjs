// ESM loader hooks that run the TypeScript sources in a child process the way Jest does (swc with
// decorator metadata, `@lib/*` aliases, `.js` → `.ts`), so fault tests and the ballot benchmark can
// start the real api and projector entry points without a build. Registered by `register.mjs`.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { transformSync } from '@swc/core';

const root = new URL('../../../', import.meta.url);
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'es6' },
  sourceMaps: 'inline',
};

export async function resolve(specifier, context, next) {
  const alias = /^@lib\/([a-z-]+)(?:\/(testing|events))?$/.exec(specifier);
  if (alias) return { url: new URL(`libs/${alias[1]}/src/${alias[2] ?? 'index'}.ts`, root).href, shortCircuit: true };
  if (context.parentURL?.endsWith('.ts') && /^\.{1,2}\//.test(specifier) && specifier.endsWith('.js')) {
    const ts = new URL(`${specifier.slice(0, -3)}.ts`, context.parentURL);
    if (existsSync(ts)) return { url: ts.href, shortCircuit: true };
  }
  return next(specifier, context);
}

export async function load(url, context, next) {
  if (url.startsWith('file:') && url.endsWith('.ts')) {
    const filename = fileURLToPath(url);
    const { code } = transformSync(readFileSync(filename, 'utf8'), { ...swc, filename });
    return { format: 'module', source: code, shortCircuit: true };
  }
  return next(url, context);
}
