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
    // Written back, the plan funded from the reserve is marked 2 again.
    const written = readPabulib(writePabulib(pabulibFromElection(read.election, r, { unit: 'Poznań', rule: 'greedy-custom' })));
    expect(written.selectedInFile).toEqual(['a', 'b']);
    expect(written.reserveInFile).toEqual(['b']);
    const elsewhere = readPabulib(poznan.replace('unit;Poznań', 'unit;Gdańsk'));
    expect(elsewhere.unsupportedRule).toBe('the file declares rule "greedy-custom" for unit "Gdańsk", whose own rule is not known (known: Poznań)');
    expect(readPabulib(poznan.replace('rule;greedy-custom', 'rule;borda')).unsupportedRule).toBe('the file declares rule "borda", which is not supported');
  });

  it('reads greedy-reserve with its terms from META reserve_percent and reserve_amount, as the writer puts them', () => {
    const file = lines(
      'META', 'key;value', 'budget;100', 'vote_type;choose-1', 'rule;greedy-reserve', 'reserve_percent;75', 'reserve_amount;20',
      'PROJECTS', 'project_id;cost;votes;selected', 'a;50;3;1', 'b;60;2;2', 'c;10;1;0',
      'VOTES', 'voter_id;vote', '1;a', '2;a', '3;a', '4;b', '5;b', '6;c',
    );
    const read = readPabulib(file);
    expect(read.election.reserve).toEqual({ percent: 75, amount: 20n });
    const r = tally(read.election);
    expect(r.pots[0]!.reserve).toEqual({ percent: 75, amount: '20', used: '10', plan: 'b' });
    const written = writePabulib(pabulibFromElection(read.election, r));
    expect(readPabulib(written).election.reserve).toEqual({ percent: 75, amount: 20n });
    expect(readPabulib(file.replace('reserve_percent;75\n', '').replace('reserve_amount;20\n', '')).election.reserve).toBeUndefined();
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

describe('Pabulib reader, tolerant', () => {
  const tolerant = (text: string) => readPabulib(text, { tolerant: true });

  it('counts a stated vote count that differs from the votes from the votes, with a warning at its line', () => {
    // b states 1 vote, nobody votes for it.
    const text = base(['1;a', '2;a']);
    const read = tolerant(text);
    expect(read.warnings).toEqual([{ line: 11, code: 'stated-count', message: 'project "b" states votes 1, the votes give 0 (counted from the votes)' }]);
    expect(tally(read.election).projects.map((p) => [p.id, p.votes])).toEqual([['a', 2], ['b', 0]]);
    expect(errorOf(text).reason).toBe('project "b" states votes 1, the votes give 0');
  });

  it('counts a stated score that differs from the votes from the votes', () => {
    const text = lines(
      'META', 'key;value', 'budget;10', 'vote_type;cumulative', 'rule;greedy',
      'PROJECTS', 'project_id;cost;votes;score', 'a;5;2;9', 'b;5;1;1',
      'VOTES', 'voter_id;vote;points', '1;a,b;2,1', '2;a;3',
    );
    const read = tolerant(text);
    expect(read.warnings).toEqual([{ line: 8, code: 'stated-count', message: 'project "a" states score 9, the votes give 5 (counted from the votes)' }]);
    expect(tally(read.election).projects.map((p) => p.score)).toEqual([5, 1]);
    expect(errorOf(text).line).toBe(8);
  });

  it('counts num_votes and num_projects that differ from the file from the file', () => {
    const text = base(['1;a', '2;a,b']).replace('num_votes;2', 'num_votes;3').replace('num_projects;2', 'num_projects;5');
    const read = tolerant(text);
    expect(read.warnings).toEqual([
      { line: 3, code: 'stated-count', message: 'num_projects is 5 but PROJECTS lists 2 (counted from PROJECTS)' },
      { line: 4, code: 'stated-count', message: 'num_votes is 3 but VOTES has 2 rows (counted from VOTES)' },
    ]);
    expect(read.election.ballots).toHaveLength(2);
  });

  it('counts a project listed twice in one vote once (approval), at its best rank (ordinal), with its points added up (cumulative)', () => {
    const approvalText = base(['1;a,a', '2;a,b']);
    const read = tolerant(approvalText);
    expect(read.warnings).toEqual([{ line: 14, code: 'listed-twice', message: 'vote of "1" lists "a" more than once (counted once)' }]);
    expect(read.election.ballots[0]).toEqual({ type: 'approval', choices: ['a'] });
    expect(errorOf(approvalText)).toMatchObject({ line: 14, reason: 'vote of "1" lists "a" more than once' });

    const ordinal = lines(
      'META', 'key;value', 'budget;10', 'vote_type;ordinal', 'max_length;3', 'rule;greedy',
      'PROJECTS', 'project_id;cost', 'a;5', 'b;5', 'c;5',
      'VOTES', 'voter_id;vote', '1;b,a,b,c',
    );
    const o = tolerant(ordinal);
    expect(o.warnings.map((w) => [w.line, w.code])).toEqual([[14, 'listed-twice']]);
    expect(o.warnings[0]!.message).toContain('(counted at its best rank)');
    expect(tally(o.election).projects.map((p) => p.score)).toEqual([2, 3, 1]);

    const cumulative = lines(
      'META', 'key;value', 'budget;10', 'vote_type;cumulative', 'max_sum_points;5', 'rule;greedy',
      'PROJECTS', 'project_id;cost', 'a;5', 'b;5',
      'VOTES', 'voter_id;vote;points', '1;a,b,a;1,2,2',
    );
    const c = tolerant(cumulative);
    expect(c.warnings[0]!.message).toBe('vote of "1" lists "a" more than once (its points added up)');
    expect(c.election.ballots[0]).toEqual({ type: 'cumulative', points: { a: 3, b: 2 } });
  });

  it('ignores a column the format does not define, with a warning at the header line', () => {
    const text = base(['1;a;x', '2;a,b;y']).replace('voter_id;vote', 'voter_id;vote;favourite_colour');
    const read = tolerant(text);
    expect(read.warnings).toEqual([{ line: 13, code: 'unknown-column', message: 'VOTES has a column the format does not define: "favourite_colour" (ignored)' }]);
    expect(read.election).toEqual(readPabulib(base(['1;a', '2;a,b'])).election);
    expect(errorOf(text)).toMatchObject({ line: 13, reason: 'VOTES has a column the format does not define: "favourite_colour"' });
    // Columns real files carry (age, sex, voting_method, beneficiaries, coordinates …) raise nothing.
    const dir = join(process.cwd(), 'test', 'fixtures', 'pabulib');
    for (const f of ['Poland_Warszawa_2017_Aleksandrow.pb', 'Poland_Gdynia_2024_Kamienna_Gora__large.pb', 'Poland_Katowice_2023_Srodmiescie.pb']) {
      expect(tolerant(readFileSync(join(dir, f), 'utf8')).warnings).toEqual([]);
    }
  });

  it("leaves out a vote breaking the file's own ballot rules, as an invalid ballot, with a warning", () => {
    const text = base(['1;a', '2;a,b'], ['max_length;1']);
    const read = tolerant(text);
    expect(read.warnings).toEqual([
      { line: 16, code: 'breaks-constraints', message: 'vote of "2" breaks the file\'s ballot rules: 2 projects chosen, at most 1 allowed (left out as an invalid ballot)' },
      // The stated counts were made with the invalid ballot in.
      { line: 11, code: 'stated-count', message: 'project "a" states votes 2, the votes give 1 (counted from the votes)' },
      { line: 12, code: 'stated-count', message: 'project "b" states votes 1, the votes give 0 (counted from the votes)' },
    ]);
    expect(read.election.ballots).toEqual([{ type: 'approval', choices: ['a'] }]);
  });

  it('still refuses what cannot be counted at all: an unknown project, a duplicate voter, a wrong field count', () => {
    for (const votes of [['1;a', '2;zz'], ['1;a', '1;a,b'], ['1;a;extra', '2;a,b']]) {
      expect(() => tolerant(base(votes))).toThrow(PabulibError);
    }
  });
});
