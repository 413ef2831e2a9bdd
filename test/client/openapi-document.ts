import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';

/** The committed OpenAPI document and the client types generated from it (`npm run openapi` writes both). */
export const DOCUMENT_FILE = join('openapi', 'openapi.json');
export const SCHEMA_FILE = join('openapi', 'schema.d.ts');

/** The document as committed: the live `/docs-json`, pretty-printed. */
export function documentText(live: string): string {
  return `${JSON.stringify(JSON.parse(live), null, 2)}\n`;
}

/** The TypeScript types of every path and schema, as openapi-typescript generates them from the document. */
export async function clientTypes(live: string): Promise<string> {
  const ast = await openapiTS(JSON.parse(live) as Parameters<typeof openapiTS>[0], { alphabetize: true });
  return `${COMMENT_HEADER}${astToString(ast)}`;
}

/** What is committed now (empty when a file is missing). */
export async function committed(root: string): Promise<{ document: string; schema: string }> {
  const read = (file: string) => readFile(join(root, file), 'utf8').catch(() => '');
  return { document: await read(DOCUMENT_FILE), schema: await read(SCHEMA_FILE) };
}

/** Writes the document and the client types generated from the live document. */
export async function writeGenerated(root: string, live: string): Promise<void> {
  await writeFile(join(root, DOCUMENT_FILE), documentText(live));
  await writeFile(join(root, SCHEMA_FILE), await clientTypes(live));
}
