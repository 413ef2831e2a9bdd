import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, expect } from '@jest/globals';
import { PabulibError, parsePabulib, readPabulib } from './pabulib-reader.js';
import { pabulibFromElection, writePabulib } from './pabulib-writer.js';
import { tally } from '../tally.js';

const lines = (...rows: string[]): string => rows.join('\n');

const base = (votes: string[], meta: string[] = [], projects: string[] = ['a;100;2;Alpha', 'b;50;1;Beta']): string =>
  lines('META', 'key;value', 'num_projects;' + projects.length, 'num_votes;' + votes.length, 'budget;120', 'vote_type;approval', 'rule;greedy', ...meta, 'PROJECTS', 'project_id;cost;votes;name', ...projects, 'VOTES', 'voter_id;vote', ...votes);

const errorOf = (text: string): PabulibError => {
  try {
    readPabulib(text);
  } catch (e) {
    if (e instanceof PabulibError) return e;
    throw e;
  }
  throw new Error('file was accepted');
};

describe('Pabulib reader', () => {
  it('accepts CRLF, LF and mixed line ends and a missing final newline alike', () => {
    const lf = base(['1;a', '2;a,b']);
    const crlf = lf.replace(/\n/g, '\r\n') + '\r\n';
    const mixed = lf.split('\n').map((l, i) => l + (i % 2 ? '\r\n' : '\n')).join('');
    const read = (t: string) => readPabulib(t).election;
    expect(read(crlf)).toEqual(read(lf));
    expect(read(mixed)).toEqual(read(lf));
  });

  it('reads quoted fields with separators and doubled quotes, string ids and fractional costs exactly', () => {
    const text = base(['v1;L20/01/VII', 'v2;L20/01/VII,b'], [], ['L20/01/VII;100.25;2;"Park ""Stok""; phase 1"', 'b;19.75;1;Beta']);
    const { election } = readPabulib(text);
    expect(election.projects[0]).toEqual({ id: 'L20/01/VII', cost: { n: 401n, d: 4n }, name: 'Park "Stok"; phase 1' });
    const r = tally({ ...election, rule: 'greedy' });
    expect(r.winners).toEqual(['L20/01/VII', 'b']);
    expect(r.cost).toBe('120');
    expect(r.leftover).toBe('0');
  });

  it('never selects a plan marked with the 999999999 sentinel', () => {
    const text = lines(
      'META', 'key;value', 'budget;2000000000', 'vote_type;approval', 'rule;greedy',
      'PROJECTS', 'project_id;cost;votes', 'x;999999999;2', 'y;10;1',
      'VOTES', 'voter_id;vote', '1;x,y', '2;x',
    );
    const { election } = readPabulib(text);
    for (const rule of ['greedy', 'equalshares/add1', 'phragmen'] as const) {
      const r = tally({ ...election, rule });
      expect(r.winners).toEqual(['y']);
      expect(r.projects.find((p) => p.id === 'x')!.reason.code).toBe('not-feasible');
    }
  });

  it('names the line of a vote for an unknown project', () => {
    const e = errorOf(base(['1;a', '2;zz']));
    expect(e.line).toBe(15);
    expect(e.reason).toContain('unknown project "zz"');
  });

  it('rejects a duplicate voter at its line', () => {
    const e = errorOf(base(['1;a', '1;a,b']));
    expect(e.line).toBe(15);
    expect(e.reason).toContain('duplicate voter "1"');
  });

  it('rejects count mismatches: num_votes, num_projects and stated votes', () => {
    expect(errorOf(base(['1;a', '2;a,b']).replace('num_votes;2', 'num_votes;3')).reason).toContain('num_votes is 3');
    expect(errorOf(base(['1;a', '2;a,b']).replace('num_projects;2', 'num_projects;5')).line).toBe(3);
    const stated = errorOf(base(['1;a', '2;a']));
    expect(stated.line).toBe(11);
    expect(stated.reason).toContain('states votes 1, the votes give 0');
  });

  it("rejects a ballot that breaks the file's own constraints", () => {
    const e = errorOf(base(['1;a', '2;a,b'], ['max_length;1']));
    expect(e.line).toBe(16);
    expect(e.reason).toContain('at most 1 allowed');
    const cap = errorOf(base(['1;a', '2;a,b'], ['max_sum_cost;120']));
    expect(cap.reason).toContain('cost cap');
  });

  it('rejects a row whose field count differs from its header', () => {
    const e = errorOf(base(['1;a;extra', '2;a,b']));
    expect(e.line).toBe(14);
  });

  it("counts greedy-custom with the unit's known rule, reads selected 2 as funded from the reserve, and names an unknown one", () => {
    const poznan = lines(
      'META', 'key;value', 'unit;Poznań', 'budget;100', 'vote_type;choose-1', 'rule;greedy-custom',
      'PROJECTS', 'project_id;cost;votes;selected', 'a;50;3;1', 'b;60;2;2', 'c;10;1;0',
      'VOTES', 'voter_id;vote', '1;a', '2;a', '3;a', '4;b', '5;b', '6;c',
    );
    const read = readPabulib(poznan);
    expect(read.election.rule).toBe('greedy-reserve');
    expect(read.election.reserve).toEqual({ percent: 80 });
    expect(read.unsupportedRule).toBeUndefined();
    expect(read.selectedInFile).toEqual(['a', 'b']);
    expect(read.reserveInFile).toEqual(['b']);
    const r = tally(read.election);
    expect(r.winners).toEqual(read.selectedInFile);
    expect(r.pots[0]!.reserve).toEqual({ percent: 80, used: '10', plan: 'b' });
    const elsewhere = readPabulib(poznan.replace('unit;Poznań', 'unit;Gdańsk'));
    expect(elsewhere.unsupportedRule).toBe('the file declares rule "greedy-custom" for unit "Gdańsk", whose own rule is not known (known: Poznań)');
    expect(readPabulib(poznan.replace('rule;greedy-custom', 'rule;borda')).unsupportedRule).toBe('the file declares rule "borda", which is not supported');
  });

  it('round-trips every fixture through the writer', () => {
    const dir = join(process.cwd(), 'test', 'fixtures', 'pabulib');
    for (const f of ['Netherlands_Assen_2024.pb', 'Poland_Katowice_2020_Zarzecze.pb', 'Poland_Krakow_2022_Bienczyce.pb', 'Poland_Wieliczka_2023_Green_Budget.pb']) {
      const text = readFileSync(join(dir, f), 'utf8');
      const again = writePabulib(parsePabulib(text));
      expect(readPabulib(again).election).toEqual(readPabulib(text).election);
    }
  });

  it('writes plain election data with a selected column that reads back to the same count', () => {
    const election = readPabulib(base(['1;a', '2;a,b'])).election;
    const result = tally(election);
    const text = writePabulib(pabulibFromElection(election, result));
    const back = readPabulib(text);
    expect(back.selectedInFile).toEqual(result.winners);
    expect(tally(back.election).winners).toEqual(result.winners);
  });
});
