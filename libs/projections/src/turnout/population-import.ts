import { parse } from 'csv-parse/sync';
import type { ReadModelDatabase } from '../read-model-database.js';

/** CBS "Kerncijfers wijken en buurten" columns: the region code, inhabitants, and inhabitants per age band. */
const CODE_COLUMNS = ['Codering_3', 'gwb_code', 'WijkenEnBuurten', 'regio_code'];
const TOTAL_COLUMNS = ['AantalInwoners_5', 'a_inw', 'aantal_inwoners'];
const AGE_COLUMNS: [string, string[]][] = [
  ['0-14', ['k_0Tot15Jaar_8', 'a_00_14']],
  ['15-24', ['k_15Tot25Jaar_9', 'a_15_24']],
  ['25-44', ['k_25Tot45Jaar_10', 'a_25_44']],
  ['45-64', ['k_45Tot65Jaar_11', 'a_45_64']],
  ['65+', ['k_65JaarOfOuder_12', 'a_65_oo']],
];

export class PopulationFileError extends Error {}

export interface PopulationFigure {
  areaCode: string;
  ageBand: string;
  population: number;
}

interface CsvRecord {
  line: number;
  cells: string[];
}

/** The file's records with the line each ends on (BOM, CRLF and quoted fields handled); blank lines are left out. */
function readRecords(text: string): CsvRecord[] {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const delimiter = firstLine.includes(';') ? ';' : ',';
  try {
    const records = parse(body, { delimiter, trim: true, skip_empty_lines: true, relax_column_count: true, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
    return records.filter(({ record }) => !(record.length === 1 && record[0] === '')).map(({ record, info }) => ({ line: info.lines, cells: record }));
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new PopulationFileError(`Line ${line ?? '?'} is not valid CSV: ${(error as Error).message}`);
  }
}

/** Parses a CBS neighbourhood-figures CSV (`;` or `,` separated, quoted or not) into figures per area and age band. */
export function parseCbsPopulation(text: string): PopulationFigure[] {
  const [head, ...body] = readRecords(text);
  if (head === undefined || body.length === 0) throw new PopulationFileError('The file has no data rows');
  const header = head.cells;
  // The first of the names the header has, in order of preference.
  const find = (names: string[]) => names.map((n) => header.indexOf(n)).find((i) => i >= 0) ?? -1;
  const code = find(CODE_COLUMNS);
  const total = find(TOTAL_COLUMNS);
  if (code < 0 || total < 0) throw new PopulationFileError(`Expected the CBS columns ${CODE_COLUMNS[0]} and ${TOTAL_COLUMNS[0]} in the header`);
  const ages = AGE_COLUMNS.map(([band, names]) => [band, find(names)] as const).filter(([, i]) => i >= 0);
  const figures: PopulationFigure[] = [];
  body.forEach(({ line, cells: row }) => {
    const areaCode = row[code] ?? '';
    if (!/^(GM|WK|BU)\d{4,8}$/.test(areaCode)) throw new PopulationFileError(`Line ${line}: ${JSON.stringify(areaCode)} is not a CBS region code`);
    const number = (i: number, what: string): number => {
      const raw = (row[i] ?? '').replace(/\s/g, '');
      // CBS marks a secret or missing figure with a dot.
      if (raw === '.' || raw === '') return 0;
      if (!/^\d+$/.test(raw)) throw new PopulationFileError(`Line ${line}: ${what} ${JSON.stringify(raw)} is not a whole number`);
      return Number(raw);
    };
    figures.push({ areaCode, ageBand: 'total', population: number(total, 'inhabitants') });
    for (const [band, i] of ages) figures.push({ areaCode, ageBand: band, population: number(i, band) });
  });
  return figures;
}

/** Replaces the municipality's population reference with the file's figures. */
export async function importPopulation(db: ReadModelDatabase, tenant: string, figures: PopulationFigure[], source: string, at: Date): Promise<number> {
  await db.transaction(async (m) => {
    await m.query(`DELETE FROM ${db.schema}.population_reference WHERE tenant = $1`, [tenant]);
    await m.query(
      `INSERT INTO ${db.schema}.population_reference (tenant, area_code, age_band, population, source, imported_at)
       SELECT $1, f."areaCode", f."ageBand", f.population, $3, $4 FROM jsonb_to_recordset($2::jsonb) AS f("areaCode" text, "ageBand" text, population integer)`,
      [tenant, JSON.stringify(figures), source, at.toISOString()],
    );
  });
  return figures.length;
}
