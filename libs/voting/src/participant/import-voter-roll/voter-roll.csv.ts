import { parse } from 'csv-parse/sync';
import { domainError } from '@lib/es';
import { CODE_PATTERN, normaliseCode } from '../../round-key/pseudonym.js';

export class VoterRollPersonalDataError extends domainError('VOTER_ROLL.PERSONAL_DATA_COLUMN', 'invalid') {}
export class VoterRollUnexpectedColumnError extends domainError('VOTER_ROLL.UNEXPECTED_COLUMN', 'invalid') {}
export class VoterRollMissingColumnError extends domainError('VOTER_ROLL.MISSING_COLUMN', 'invalid') {}
export class VoterRollInvalidRowError extends domainError('VOTER_ROLL.INVALID_ROW', 'invalid') {}
export class VoterRollDuplicateCodeError extends domainError('VOTER_ROLL.DUPLICATE_CODE', 'invalid') {}
export class VoterRollEmptyError extends domainError('VOTER_ROLL.EMPTY', 'invalid') {}
export class VoterRollWeakCodeError extends domainError('VOTER_ROLL.WEAK_CODE', 'invalid') {}

/** About 40 bits: a code that anyone may try to sign in with must not be found by trying. */
const MIN_CODE_BITS = 40;

/**
 * Why a (normalised) code is too easy to guess, or null: fewer than 5 different characters, one
 * block repeated (`AB12AB12`), a straight run (`12345678`, `ABCDEFGHIJ`), or too short for the
 * characters it uses (digits only: at least 13; letters only: 9; letters and digits: 8).
 */
export function weakCodeReason(code: string): string | null {
  if (new Set(code).size < 5) return 'it uses fewer than 5 different characters';
  for (let size = 1; size <= code.length / 2; size++) {
    if (code.length % size === 0 && code.slice(0, size).repeat(code.length / size) === code) return 'it repeats one block';
  }
  const step = code.charCodeAt(1) - code.charCodeAt(0);
  if (Math.abs(step) === 1 && [...code].every((c, i) => i === 0 || c.charCodeAt(0) - code.charCodeAt(i - 1) === step)) return 'it is a straight run';
  const alphabet = /^[0-9]+$/.test(code) ? 10 : /^[A-Z]+$/.test(code) ? 26 : 36;
  if (code.length * Math.log2(alphabet) < MIN_CODE_BITS) return 'it is too short for the characters it uses (digits only: at least 13; letters only: 9; letters and digits: 8)';
  return null;
}

/** One row of the municipality's file: a code with its area and age band (and, only to apply excluded roles, a function). */
export interface VoterRollRow {
  line: number;
  code: string;
  area: string;
  ageBand: string;
  role: string | null;
}

const REQUIRED = ['code', 'area', 'age_band'] as const;
const OPTIONAL = ['role'] as const;
/** Headers that mean the file carries personal data the system must never receive (Dutch and English). */
const PERSONAL = /^(naam|name|voornaam|achternaam|first_?name|last_?name|surname|adres|address|straat|street|huisnummer|house_?number|postcode|zip|postal_?code|woonplaats|city|bsn|burgerservicenummer|a_?nummer|geboortedatum|birth_?date|date_?of_?birth|dob|e-?mail|telefoon|phone|telephone|geslacht|gender|sex|nationaliteit|nationality)$/;

const header = (cell: string): string => cell.trim().toLowerCase().replace(/[\s-]+/g, '_');

interface CsvRecord {
  line: number;
  cells: string[];
}

/** The file's records with the line each ends on (BOM, CRLF and quoted fields handled); blank lines are left out. */
function readRecords(text: string): CsvRecord[] {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes(';') ? ';' : ',';
  try {
    const records = parse(body, { delimiter, trim: true, skip_empty_lines: true, relax_column_count: true, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
    return records.filter(({ record }) => !(record.length === 1 && record[0] === '')).map(({ record, info }) => ({ line: info.lines, cells: record }));
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new VoterRollInvalidRowError(`Line ${line ?? '?'} is not valid CSV: ${(error as Error).message}`, { line });
  }
}

/**
 * Parses the municipality's voter roll: `code,area,age_band[,role]` (comma or semicolon separated,
 * header first). A file with any other column is refused whole; one with personal data gets its own code.
 */
export function parseVoterRoll(text: string): VoterRollRow[] {
  const [head, ...body] = readRecords(text);
  const columns = (head?.cells ?? ['']).map(header);
  const personal = columns.filter((c) => PERSONAL.test(c));
  if (personal.length > 0) {
    throw new VoterRollPersonalDataError(`The file has columns with personal data (${personal.join(', ')}); send only code, area and age_band`, { columns: personal });
  }
  const unexpected = columns.filter((c) => !(REQUIRED as readonly string[]).includes(c) && !(OPTIONAL as readonly string[]).includes(c));
  if (unexpected.length > 0) throw new VoterRollUnexpectedColumnError(`Unexpected columns: ${unexpected.join(', ')}`, { columns: unexpected, allowed: [...REQUIRED, ...OPTIONAL] });
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  if (missing.length > 0) throw new VoterRollMissingColumnError(`Missing columns: ${missing.join(', ')}`, { columns: missing });

  const at = (name: string) => columns.indexOf(name);
  const rows: VoterRollRow[] = [];
  const seen = new Map<string, number>();
  body.forEach(({ line, cells }) => {
    if (cells.length !== columns.length) throw new VoterRollInvalidRowError(`Line ${line} has ${cells.length} cells; the header has ${columns.length}`, { line });
    const code = normaliseCode(cells[at('code')]!);
    if (!CODE_PATTERN.test(code)) throw new VoterRollInvalidRowError(`Line ${line}: a code is 8 to 64 letters and digits`, { line });
    const weak = weakCodeReason(code);
    if (weak) throw new VoterRollWeakCodeError(`Line ${line}: the code is too easy to guess: ${weak}`, { line });
    if (seen.has(code)) throw new VoterRollDuplicateCodeError(`Line ${line} repeats the code of line ${seen.get(code)}`, { line, firstLine: seen.get(code) });
    seen.set(code, line);
    const role = at('role') >= 0 ? cells[at('role')]! : '';
    rows.push({ line, code, area: cells[at('area')]!, ageBand: cells[at('age_band')]!, role: role === '' ? null : role });
  });
  if (rows.length === 0) throw new VoterRollEmptyError('The file lists no codes');
  return rows;
}
