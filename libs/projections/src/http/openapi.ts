import type { ApiResponseSchemaHost } from '@nestjs/swagger';

/** An OpenAPI schema object, as `@ApiOkResponse({ schema })` takes it. */
export type SchemaObject = Exclude<ApiResponseSchemaHost['schema'], { $ref: string }>;

const JSONB: SchemaObject = { oneOf: [{ type: 'object', additionalProperties: true }, { type: 'array', items: {} }] };

function columnSchema(type: string): SchemaObject {
  switch (type) {
    case 'text':
      return { type: 'string' };
    case 'integer':
    case 'bigint':
      return { type: 'integer' };
    case 'numeric':
      return { type: 'number' };
    case 'boolean':
      return { type: 'boolean' };
    case 'timestamptz':
      return { type: 'string', format: 'date-time' };
    default:
      return { ...JSONB };
  }
}

/**
 * The JSON schema of a read-model row as the api sends it: `to_jsonb(row)` with camelCase keys and
 * no tenant column (see `camel`), each property typed from the entity's declared column.
 * `extra` adds or replaces properties; `omit` drops camelCase keys the handler leaves out.
 */
export function rowSchema(entity: { options: { columns: object } }, extra: Record<string, SchemaObject> = {}, omit: readonly string[] = []): SchemaObject {
  const properties: Record<string, SchemaObject> = {};
  for (const [name, column] of Object.entries(entity.options.columns as Record<string, { type: string; nullable?: boolean }>)) {
    if (name === 'tenant') continue;
    const key = name.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
    if (omit.includes(key)) continue;
    properties[key] = column.nullable ? nullable(columnSchema(column.type)) : columnSchema(column.type);
  }
  Object.assign(properties, extra);
  return { type: 'object', properties, required: Object.keys(properties) };
}

/** `{ items, page, pageSize, total }` around `item`. */
export function pageSchema(item: SchemaObject): SchemaObject {
  return {
    type: 'object',
    properties: { items: { type: 'array', items: item }, page: { type: 'integer', minimum: 1 }, pageSize: { type: 'integer', minimum: 1 }, total: { type: 'integer', minimum: 0 } },
    required: ['items', 'page', 'pageSize', 'total'],
  };
}

/** An object whose listed properties are all required. */
export function objectSchema(properties: Record<string, SchemaObject>, optional: readonly string[] = []): SchemaObject {
  return { type: 'object', properties, required: Object.keys(properties).filter((k) => !optional.includes(k)) };
}

/** `schema` or null. OpenAPI 3.0 allows `nullable` only beside a `type`, so a `oneOf` takes it on its first branch (null then matches that branch alone). */
export function nullable(schema: SchemaObject): SchemaObject {
  if (schema.type === undefined && schema.oneOf?.length) {
    const [first, ...rest] = schema.oneOf as SchemaObject[];
    return { ...schema, oneOf: [{ ...first, nullable: true }, ...rest] };
  }
  return { ...schema, nullable: true };
}
export const STRING: SchemaObject = { type: 'string' };
export const INTEGER: SchemaObject = { type: 'integer' };
export const NUMBER: SchemaObject = { type: 'number' };
export const BOOLEAN: SchemaObject = { type: 'boolean' };
export const DATE_TIME: SchemaObject = { type: 'string', format: 'date-time' };
export const JSON_VALUE: SchemaObject = JSONB;
