// `node --import ./test/reliability/support/register.mjs apps/api/src/main.ts` runs a TypeScript entry point.
import { register } from 'node:module';

register('./ts-loader.mjs', import.meta.url);
