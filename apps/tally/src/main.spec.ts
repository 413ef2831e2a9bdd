import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, expect } from '@jest/globals';

const root = process.cwd();
const fixtures = join(root, 'test', 'fixtures', 'pabulib');
const tsx = join(root, 'node_modules', '.bin', 'tsx');

const run = (...args: string[]) => spawnSync(tsx, [join(root, 'apps', 'tally', 'src', 'main.ts'), ...args], { cwd: root, encoding: 'utf8' });

const expected = JSON.parse(readFileSync(join(fixtures, 'EXPECTED.json'), 'utf8')) as { file: string; expected: Record<string, { winners: string[]; cost: string }> }[];
const wieliczka = expected.find((e) => e.file.startsWith('Poland_Wieliczka'))!;

describe('tally CLI', () => {
  it('prints one JSON object with the rule, winners, cost and leftover', () => {
    const out = run(join(fixtures, wieliczka.file), '--json');
    expect(out.status).toBe(0);
    expect(out.stderr).toBe('');
    const result = JSON.parse(out.stdout) as { rule: string; winners: string[]; cost: string; leftover: string; budget: string; matchesFile: boolean };
    expect(result.rule).toBe('equalshares/add1-comparison');
    expect([...result.winners].sort()).toEqual([...wieliczka.expected['mes_add1_comparison']!.winners].sort());
    expect(result.cost).toBe(wieliczka.expected['mes_add1_comparison']!.cost);
    expect(BigInt(result.cost) + BigInt(result.leftover)).toBe(BigInt(result.budget));
    expect(result.matchesFile).toBe(true);
  });

  it('honours --rule and --stop-when-exhaustive', () => {
    const out = run(join(fixtures, wieliczka.file), '--rule', 'equalshares/add1', '--stop-when-exhaustive', '--json');
    const result = JSON.parse(out.stdout) as { winners: string[] };
    expect([...result.winners].sort()).toEqual([...wieliczka.expected['mes_add1_stop_when_exhaustive']!.winners].sort());
  });

  it('prints a readable table without --json', () => {
    const out = run(join(fixtures, 'Netherlands_Amsterdam_643.pb'));
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('rule greedy; budget 5720 EUR');
    expect(out.stdout).toMatch(/44252 .* no +did not fit: €720 left, costs €2000/);
  });

  it('fails with the line and reason on a malformed file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tally-cli-'));
    const bad = join(dir, 'bad.pb');
    writeFileSync(bad, 'META\nkey;value\nbudget;10\nPROJECTS\nproject_id;cost\na;5\nVOTES\nvoter_id;vote\n1;a\n1;a\n');
    const out = run(bad, '--json');
    expect(out.status).toBe(1);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain('line 10: duplicate voter "1"');
  });

  it('fails with a usage error on an unknown rule', () => {
    const out = run(join(fixtures, 'Netherlands_Amsterdam_643.pb'), '--rule', 'borda');
    expect(out.status).toBe(2);
    expect(out.stderr).toContain('unknown rule "borda"');
  });

  // b states 2 votes; the votes give it 1.
  const inconsistent = 'META\nkey;value\nbudget;10\nvote_type;approval\nrule;greedy\nPROJECTS\nproject_id;cost;votes;selected\na;5;2;1\nb;5;2;1\nVOTES\nvoter_id;vote\n1;a,b\n2;a\n';

  it('counts an inconsistent file from its votes, with each warning on stderr and in the JSON; --strict refuses it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tally-cli-'));
    const file = join(dir, 'inconsistent.pb');
    writeFileSync(file, inconsistent);
    const out = run(file, '--json');
    expect(out.status).toBe(0);
    expect(out.stderr).toBe(`tally: ${file}: line 9: warning: project "b" states votes 2, the votes give 1 (counted from the votes)\n`);
    const result = JSON.parse(out.stdout) as { winners: string[]; matchesFile: boolean; warnings: unknown[] };
    expect(result.winners).toEqual(['a', 'b']);
    expect(result.matchesFile).toBe(true);
    expect(result.warnings).toEqual([{ line: 9, code: 'stated-count', message: 'project "b" states votes 2, the votes give 1 (counted from the votes)' }]);
    const strict = run(file, '--strict', '--json');
    expect(strict.status).toBe(1);
    expect(strict.stdout).toBe('');
    expect(strict.stderr).toBe(`tally: ${file}: line 9: project "b" states votes 2, the votes give 1\n`);
  });

  it("counts Poznań's greedy-custom with the city's reserve top-up, no --rule given, and refuses an unknown city's naming the rule", () => {
    const poznan = join(fixtures, 'Poland_Poznan_2026_5_-_Grunwald_Polnoc_Grunwald_Poludnie_Stary_Grunwald__small.pb');
    const out = run(poznan, '--json');
    expect(out.status).toBe(0);
    const result = JSON.parse(out.stdout) as { rule: string; reserveUsed: string; matchesFile: boolean; pots: { reserve: unknown; unspent: { code: string } }[] };
    expect(result.rule).toBe('greedy-reserve');
    expect(result.matchesFile).toBe(true);
    expect(result.reserveUsed).toBe('0');
    expect(result.pots[0]!.reserve).toEqual({ percent: 80, used: '0' });
    expect(result.pots[0]!.unspent.code).toBe('none');
    const dir = mkdtempSync(join(tmpdir(), 'tally-cli-'));
    const elsewhere = join(dir, 'elsewhere.pb');
    writeFileSync(elsewhere, readFileSync(poznan, 'utf8').replace('unit;Poznań', 'unit;Łódź'));
    const refused = run(elsewhere);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('the file declares rule "greedy-custom" for unit "Łódź", whose own rule is not known');
    expect(run(elsewhere, '--rule', 'greedy-no-skip').status).toBe(0);
  });

  it('prints what the budget left unspent and why', () => {
    const out = run(join(fixtures, 'Netherlands_Amsterdam_643.pb'));
    expect(out.stdout).toMatch(/^city: unspent 720 EUR: €720 left: no plan left out fits in it; the cheapest, "\d+", costs €\d+$/m);
  });

  it('--all over the fixtures: every file with a selected column reproduces it with its declared rule, none refused, no warning', () => {
    const out = run('--all', fixtures, '--json');
    expect(out.status).toBe(0);
    const report = JSON.parse(out.stdout) as { files: { file: string; official: string; warnings: unknown[] }[]; summary: { files: number; notReproduced: number; refused: number; warnings: number } };
    expect(report.files.filter((f) => f.official !== 'none').map((f) => [f.file, f.official])).toEqual(
      report.files.filter((f) => f.official !== 'none').map((f) => [f.file, 'reproduced']),
    );
    expect(report.files.filter((f) => f.official === 'none').map((f) => f.file)).toEqual(['Netherlands_Amsterdam_588.pb', 'Netherlands_Amsterdam_643.pb', 'Poland_Gdansk_2020_Rudniki.pb']);
    expect(report.summary).toMatchObject({ files: 15, notReproduced: 0, refused: 0, warnings: 0 });
  });

  it('--all DIR reports per file the rule, whether the official outcome is reproduced, and the warnings', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tally-all-'));
    copyFileSync(join(fixtures, 'Poland_Poznan_2026_13_-_Jezyce_Sw.Lazarz__small.pb'), join(dir, 'a-poznan.pb'));
    writeFileSync(join(dir, 'b-inconsistent.pb'), inconsistent);
    // Officially a was funded; greedy funds only b, which has more votes.
    writeFileSync(join(dir, 'c-other.pb'), inconsistent.replace('a;5;2;1\nb;5;2;1', 'a;6;1;1\nb;5;2;0').replace('1;a,b\n2;a', '1;b\n2;a,b').replace('budget;10', 'budget;6'));
    writeFileSync(join(dir, 'd-unknown-rule.pb'), inconsistent.replace('rule;greedy', 'rule;greedy-custom'));
    writeFileSync(join(dir, 'notes.txt'), 'not a Pabulib file');
    const out = run('--all', dir, '--json');
    expect(out.status).toBe(3);
    const report = JSON.parse(out.stdout) as { files: { file: string; rule?: string; official: string; warnings: unknown[]; error?: string; missing?: string[]; extra?: string[] }[]; summary: unknown };
    expect(report.files.map((f) => [f.file, f.rule, f.official, f.warnings.length])).toEqual([
      ['a-poznan.pb', 'greedy-reserve', 'reproduced', 0],
      ['b-inconsistent.pb', 'greedy', 'reproduced', 1],
      ['c-other.pb', 'greedy', 'not-reproduced', 0],
      ['d-unknown-rule.pb', undefined, 'refused', 1],
    ]);
    expect(report.files[2]).toMatchObject({ missing: ['a'], extra: ['b'] });
    expect(report.files[3]!.error).toContain('"greedy-custom" for unit ""');
    expect(report.summary).toEqual({ files: 4, reproduced: 2, notReproduced: 1, noSelectedColumn: 0, refused: 1, warnings: 2 });

    const text = run('--all', dir, '--strict');
    expect(text.status).toBe(3);
    expect(text.stdout).toMatch(/^b-inconsistent\.pb +refused +0 /m);
    expect(text.stdout).toContain('    refused: line 9: project "b" states votes 2, the votes give 1');
    expect(text.stdout).toContain('    funded officially, not by the count: a');
    expect(text.stdout).toContain('4 files: 1 reproduce their official outcome, 1 do not, 0 have no selected column, 2 refused; 0 warnings');
    // Not a terminal: no progress bar is drawn.
    expect(text.stderr).toBe('');
  });
});
