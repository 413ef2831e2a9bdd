import { EntitySchema, type EntitySchemaColumnOptions } from 'typeorm';

type ColumnType = 'text' | 'integer' | 'bigint' | 'boolean' | 'jsonb' | 'timestamptz' | 'numeric';

/** `name: 'text'` (NOT NULL), `name: 'text?'` (nullable); `primary` lists the key columns. */
export type ColumnSpec = Record<string, ColumnType | `${ColumnType}?`>;

/**
 * A read-model table as a TypeORM EntitySchema with explicit column types. Property names are the
 * snake_case column names, so rows read the same in TypeORM, in raw SQL and in a dashboard.
 */
export function readModelEntity<Row extends object>(table: string, columns: ColumnSpec, primary: readonly string[]): EntitySchema<Row> {
  const spec: Record<string, EntitySchemaColumnOptions> = {};
  for (const [name, declared] of Object.entries(columns)) {
    const nullable = declared.endsWith('?');
    const type = declared.replace('?', '') as ColumnType;
    spec[name] = { name, type, nullable, primary: primary.includes(name) };
  }
  return new EntitySchema<Row>({ name: table, tableName: table, columns: spec as never });
}
