import type { ProjectionContext } from './projection.js';

type Json = Record<string, unknown>;

/**
 * The rows of one table a projection touches in one batch: loaded in one query, changed in memory,
 * written back in one statement (`jsonb_populate_recordset`, so any number of rows is one parameter).
 * Rows are plain JSON keyed by column name; loaded through `to_jsonb`, so bigints come back as numbers.
 */
export class RowBatch<Row extends Json> {
  private readonly rows = new Map<string, Row>();
  private readonly dirty = new Set<string>();
  private readonly deleted = new Map<string, Row>();
  private readonly table: string;

  constructor(
    private readonly context: ProjectionContext,
    table: string,
    private readonly key: readonly (keyof Row & string)[],
  ) {
    this.table = `${context.schema}."${table}"`;
  }

  /** Loads the rows whose `column` is one of `values` (those already loaded stay as they are). */
  async load(column: keyof Row & string, values: Iterable<unknown>): Promise<void> {
    const list = [...new Set(values)].filter((v) => v !== undefined && v !== null);
    if (list.length === 0) return;
    const found = await this.context.manager.query<{ row: Row }[]>(
      `SELECT to_jsonb(t) AS row FROM ${this.table} t WHERE "${column}"::text = ANY($1::text[])`,
      [list.map(String)],
    );
    for (const { row } of found) {
      const id = this.keyOf(row);
      if (!this.rows.has(id) && !this.deleted.has(id)) this.rows.set(id, row);
    }
  }

  get(...key: unknown[]): Row | undefined {
    return this.rows.get(JSON.stringify(key.map(String)));
  }

  /** Every loaded or written row. */
  all(): Row[] {
    return [...this.rows.values()];
  }

  set(row: Row): Row {
    const id = this.keyOf(row);
    this.rows.set(id, row);
    this.deleted.delete(id);
    this.dirty.add(id);
    return row;
  }

  delete(row: Row): void {
    const id = this.keyOf(row);
    this.rows.delete(id);
    this.dirty.delete(id);
    this.deleted.set(id, row);
  }

  /** Writes the changed rows (upsert on the key) and the deletions. */
  async flush(): Promise<void> {
    const { manager } = this.context;
    if (this.deleted.size > 0) {
      const keys = [...this.deleted.values()].map((row) => Object.fromEntries(this.key.map((k) => [k, row[k]])));
      await manager.query(
        `DELETE FROM ${this.table} t USING jsonb_populate_recordset(NULL::${this.table}, $1::jsonb) d WHERE ${this.key.map((k) => `t."${k}" = d."${k}"`).join(' AND ')}`,
        [JSON.stringify(keys)],
      );
      this.deleted.clear();
    }
    if (this.dirty.size === 0) return;
    const rows = [...this.dirty].map((id) => this.rows.get(id)!);
    this.dirty.clear();
    const columns = Object.keys(rows[0]!);
    const updates = columns.filter((c) => !this.key.includes(c)).map((c) => `"${c}" = EXCLUDED."${c}"`);
    const list = columns.map((c) => `"${c}"`).join(', ');
    await manager.query(
      `INSERT INTO ${this.table} (${list}) SELECT ${list} FROM jsonb_populate_recordset(NULL::${this.table}, $1::jsonb)
       ON CONFLICT (${this.key.map((k) => `"${k}"`).join(', ')}) DO ${updates.length > 0 ? `UPDATE SET ${updates.join(', ')}` : 'NOTHING'}`,
      [JSON.stringify(rows)],
    );
  }

  private keyOf(row: Row): string {
    return JSON.stringify(this.key.map((k) => String(row[k])));
  }
}

/**
 * Counters summed in memory over a batch and added to the table in one statement
 * (`ON CONFLICT DO UPDATE SET n = t.n + EXCLUDED.n`).
 */
export class CounterBatch<Row extends Json> {
  private readonly rows = new Map<string, Row>();
  private readonly table: string;

  constructor(
    private readonly context: ProjectionContext,
    table: string,
    private readonly key: readonly (keyof Row & string)[],
    private readonly counters: readonly (keyof Row & string)[],
  ) {
    this.table = `${context.schema}."${table}"`;
  }

  /** Adds `row`'s counter values to the row with its key (creating it with the other columns as given). */
  add(row: Row): void {
    const id = JSON.stringify(this.key.map((k) => String(row[k])));
    const existing = this.rows.get(id);
    if (!existing) {
      this.rows.set(id, { ...row });
      return;
    }
    for (const c of this.counters) (existing as Json)[c] = Number(existing[c] ?? 0) + Number(row[c] ?? 0);
  }

  async flush(): Promise<void> {
    if (this.rows.size === 0) return;
    const rows = [...this.rows.values()];
    this.rows.clear();
    const columns = Object.keys(rows[0]!);
    const list = columns.map((c) => `"${c}"`).join(', ');
    await this.context.manager.query(
      `INSERT INTO ${this.table} AS t (${list}) SELECT ${list} FROM jsonb_populate_recordset(NULL::${this.table}, $1::jsonb)
       ON CONFLICT (${this.key.map((k) => `"${k}"`).join(', ')}) DO UPDATE SET ${this.counters.map((c) => `"${c}" = t."${c}" + EXCLUDED."${c}"`).join(', ')}`,
      [JSON.stringify(rows)],
    );
  }
}
