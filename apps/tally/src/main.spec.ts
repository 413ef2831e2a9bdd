import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
});
