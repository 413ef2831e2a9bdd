import { describe, expect, it } from '@jest/globals';
import { parseCbsPopulation, PopulationFileError } from './population-import.js';

describe('parseCbsPopulation', () => {
  it('reads a CBS file with a BOM, CRLF, quoted cells and a secret figure (a dot) as zero', () => {
    const text = '\uFEFF"gwb_code";"regio";"a_inw";"a_00_14"\r\n"WK036301";"Burgwallen; Oude Zijde";"4 515";"."\r\n\r\n"BU03630100";"Kop Zeedijk";"1005";"87"\r\n';
    expect(parseCbsPopulation(text)).toEqual([
      { areaCode: 'WK036301', ageBand: 'total', population: 4515 },
      { areaCode: 'WK036301', ageBand: '0-14', population: 0 },
      { areaCode: 'BU03630100', ageBand: 'total', population: 1005 },
      { areaCode: 'BU03630100', ageBand: '0-14', population: 87 },
    ]);
  });

  it('reads an unquoted comma-separated file', () => {
    expect(parseCbsPopulation('regio_code,aantal_inwoners\nGM0363,931298\n')).toEqual([{ areaCode: 'GM0363', ageBand: 'total', population: 931298 }]);
  });

  it('names the line of a figure that is not a whole number', () => {
    expect(() => parseCbsPopulation('regio_code,aantal_inwoners\nGM0363,931298\n\nGM0344,12x\n')).toThrow(
      new PopulationFileError('Line 4: inhabitants "12x" is not a whole number'),
    );
  });

  it('refuses malformed CSV (an unclosed quote) naming the line', () => {
    expect(() => parseCbsPopulation('regio_code;aantal_inwoners\nGM0363;931298\n"GM0344;12\n')).toThrow(/^Line 3 is not valid CSV: /);
    expect(() => parseCbsPopulation('regio_code;aantal_inwoners\nGM0363;931298\n"GM0344;12\n')).toThrow(PopulationFileError);
  });

  it('refuses a file with only a header', () => {
    expect(() => parseCbsPopulation('regio_code,aantal_inwoners\r\n')).toThrow(new PopulationFileError('The file has no data rows'));
  });
});
