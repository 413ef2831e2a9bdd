import { describe, expect, it } from '@jest/globals';
import { parseVoterRoll, VoterRollInvalidRowError, VoterRollUnexpectedColumnError, VoterRollWeakCodeError, weakCodeReason } from './voter-roll.csv.js';

const CODE_A = 'ABCDEFGH23';
const CODE_B = 'JKLMNPQR45';

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('parseVoterRoll', () => {
  it('reads a plain comma-separated file, header first, skipping blank lines', () => {
    expect(parseVoterRoll(`code,area,age_band\n${CODE_A},Noord,18-25\n\n${CODE_B},Zuid,65+\n`)).toEqual([
      { line: 2, code: CODE_A, area: 'Noord', ageBand: '18-25', role: null },
      { line: 4, code: CODE_B, area: 'Zuid', ageBand: '65+', role: null },
    ]);
  });

  it('reads a semicolon file with a BOM, CRLF line ends and quoted fields, a quoted separator kept in its cell', () => {
    const text = `\uFEFFcode;area;age_band;role\r\n"${CODE_A}";"Noord; oost";"18-25";""\r\n${CODE_B};"De ""Hof""";65+;raadslid\r\n`;
    expect(parseVoterRoll(text)).toEqual([
      { line: 2, code: CODE_A, area: 'Noord; oost', ageBand: '18-25', role: null },
      { line: 3, code: CODE_B, area: 'De "Hof"', ageBand: '65+', role: 'raadslid' },
    ]);
  });

  it('refuses a row with the wrong number of cells, naming its line', () => {
    expect(() => parseVoterRoll(`code,area,age_band\n${CODE_A},Noord,18-25\n${CODE_B},Zuid\n`)).toThrow(
      new VoterRollInvalidRowError('Line 3 has 2 cells; the header has 3', { line: 3 }),
    );
  });

  it('refuses malformed CSV (an unclosed quote) with the code VOTER_ROLL.INVALID_ROW and the line it is on', () => {
    const error = thrownBy(() => parseVoterRoll(`code,area,age_band\n${CODE_A},Noord,18-25\n${CODE_B},"Zuid,65+\n`));
    expect(error).toBeInstanceOf(VoterRollInvalidRowError);
    expect((error as VoterRollInvalidRowError).code).toBe('VOTER_ROLL.INVALID_ROW');
    expect((error as Error).message).toMatch(/^Line 3 is not valid CSV: /);
  });

  it('refuses a stray quote inside an unquoted cell, naming its line', () => {
    expect(() => parseVoterRoll(`code,area,age_band\n${CODE_A},No"ord,18-25\n`)).toThrow(/^Line 2 is not valid CSV: /);
  });

  it('still refuses an unknown column when the header is quoted', () => {
    expect(() => parseVoterRoll(`"code","area","age_band","wijkteam"\n${CODE_A},Noord,18-25,x\n`)).toThrow(VoterRollUnexpectedColumnError);
  });

  it.each([
    ['AAAAAAAA', 'fewer than 5 different characters'],
    ['ABABABABABAB', 'fewer than 5 different characters'],
    ['AB12CAB12C', 'repeats one block'],
    ['12345678', 'straight run'],
    ['ZYXWVUTSRQ', 'straight run'],
    ['ABCDEFGHIJKL', 'straight run'],
    ['31415926535', 'too short'],
    ['QWERTZUP', 'too short'],
  ])('refuses the guessable code %s (%s), naming its line, whatever else the file holds', (code, reason) => {
    expect(weakCodeReason(code)).toContain(reason);
    const error = thrownBy(() => parseVoterRoll(`code,area,age_band
${CODE_A},Noord,18-25
${code},Zuid,65+
`));
    expect(error).toBeInstanceOf(VoterRollWeakCodeError);
    expect(error).toMatchObject({ code: 'VOTER_ROLL.WEAK_CODE', details: { line: 3 } });
  });

  it.each(['K7QM4TXA93WDPRZB', 'ABCDEFGH23', 'QWERTZUPK', '3141592653589', 'ABCD2345EFGH'])('takes the code %s: enough to guess', (code) => {
    expect(weakCodeReason(code)).toBeNull();
  });
});
