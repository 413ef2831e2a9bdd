import { describe, expect, it } from '@jest/globals';
import { amount, explain, structuredExplanation } from './explanation.js';

/** Given the counting lib's English explanation, when rendered, then Dutch and English from its structure. */
const both = (text: string, details?: Record<string, unknown>) => {
  const x = structuredExplanation(text, details);
  return x && { nl: explain(x, 'nl'), en: explain(x, 'en') };
};

describe('count explanations in Dutch and English', () => {
  it('renders each reason of the counting lib from its code and figures', () => {
    expect(both('selected: 77 votes, fitted with €55000 left')).toEqual({ nl: 'Gekozen: 77 stemmen, paste met nog €\u00a055.000 over', en: 'Selected: 77 votes, fitted with €55,000 left' });
    expect(both('selected in round 3: each supporter paid up to €12.50')).toEqual({
      nl: 'Gekozen in ronde 3: elke voorstander betaalde hoogstens €\u00a012,50',
      en: 'Selected in round 3: each supporter paid at most €12.50',
    });
    expect(both("selected in round 2: supporters' load rose to 0.75")).toEqual({
      nl: 'Gekozen in ronde 2: de last van de voorstanders steeg tot 0,75',
      en: "Selected in round 2: the supporters' load rose to 0.75",
    });
    expect(both('did not fit: €5000 left, costs €7500.50')).toEqual({
      nl: 'Paste niet: er was nog €\u00a05.000 over, het plan kost €\u00a07.500,50',
      en: 'Did not fit: €5,000 was left, the plan costs €7,500.50',
    });
    expect(both('below the threshold: 1 points, 10 needed')).toEqual({ nl: 'Onder de drempel: 1 punt, 10 nodig', en: 'Below the threshold: 1 point, 10 needed' });
    expect(both('greedy-no-skip stopped at "p-7", the first plan that did not fit')).toEqual({
      nl: 'De telling stopte bij "p-7", het eerste plan dat niet paste',
      en: 'The count stopped at "p-7", the first plan that did not fit',
    });
    expect(both('Phragmén stopped before reaching it')).toEqual({ nl: 'De telling stopte voordat dit plan aan de beurt kwam', en: 'The count stopped before reaching this plan' });
    expect(both('MES: its supporters had €300 left, it costs €4000')).toEqual({
      nl: 'Equal Shares: de voorstanders hadden samen nog €\u00a0300, het plan kost €\u00a04.000',
      en: 'Equal Shares: its supporters had €300 left together, the plan costs €4,000',
    });
    expect(both('cannot be carried out (cost marked 999999999)')).toEqual({ nl: 'Kan niet worden uitgevoerd', en: 'Cannot be carried out' });
    expect(both('nobody supports it')).toEqual({ nl: 'Niemand steunt dit plan', en: 'Nobody supports this plan' });
    expect(both('excluded from this count')).toEqual({ nl: 'Niet meegeteld in deze telling', en: 'Not part of this count' });
  });

  it('renders greedy-reserve: the plan topped up from the reserve with what the reserve paid, the plans it stopped before, and a plan the reserve did not top up', () => {
    expect(both('selected from the reserve: 2 votes, 50 PLN left covers at least 80% of its cost 60 PLN; the reserve paid 10 PLN')).toEqual({
      nl: 'Gekozen met aanvulling uit de reserve: 2 stemmen; de PLN\u00a050 die over was dekt minstens 80% van de kosten (PLN\u00a060), de reserve naast het budget betaalde PLN\u00a010',
      en: 'Selected with a top-up from the reserve: 2 votes; the PLN\u00a050 left covers at least 80% of its cost (PLN\u00a060), the reserve beside the budget paid PLN\u00a010',
    });
    expect(both('greedy-reserve stopped at "b", the plan topped up from the reserve')).toEqual({
      nl: 'De telling stopte bij "b", het plan dat uit de reserve werd aangevuld',
      en: 'The count stopped at "b", the plan topped up from the reserve',
    });
    expect(both('greedy-reserve stopped at "b", the first plan that did not fit')).toEqual({
      nl: 'De telling stopte bij "b", het eerste plan dat niet paste',
      en: 'The count stopped at "b", the first plan that did not fit',
    });
    expect(both('did not fit: €40 left, costs €60; under 80% of its cost is left, so the reserve does not top it up', { reason: { code: 'did-not-fit', left: '€40', cost: '€60' } })).toEqual({
      nl: 'Paste niet: er was nog €\u00a040 over, het plan kost €\u00a060; dat is minder dan 80% van de kosten, dus de reserve vult niet aan',
      en: 'Did not fit: €40 was left, the plan costs €60; that is under 80% of its cost, so the reserve does not top it up',
    });
    expect(both('did not fit: €50 left, costs €60; under 80% of its cost is left or the reserve cannot pay the rest, so the reserve does not top it up')).toEqual({
      nl: 'Paste niet: er was nog €\u00a050 over, het plan kost €\u00a060; dat is minder dan 80% van de kosten of de reserve kan de rest niet betalen, dus de reserve vult niet aan',
      en: 'Did not fit: €50 was left, the plan costs €60; that is under 80% of its cost or the reserve cannot pay the rest, so the reserve does not top it up',
    });
  });

  it('renders the add1 completion and the comparison step around the inner reason', () => {
    expect(both('selected after Equal Shares: selected: 40 votes, fitted with €1000 left (comparison step: 50 voters prefer Equal Shares, 34 greedy; Equal Shares kept)')).toEqual({
      nl: 'Gekozen bij het aanvullen na Equal Shares: gekozen: 40 stemmen, paste met nog €\u00a01.000 over (vergelijking: 50 stemmers geven de voorkeur aan Equal Shares, 34 aan de gewone telling; Equal Shares is aangehouden)',
      en: 'Selected when completing Equal Shares: selected: 40 votes, fitted with €1,000 left (comparison: 50 voters prefer Equal Shares, 34 the plain count; Equal Shares kept)',
    });
  });

  it('takes code and amounts from the structured reason when the publisher passed it', () => {
    const reason = { code: 'did-not-fit', left: '€10', cost: '€20', text: 'did not fit: €10 left, costs €20' };
    expect(both('whatever the publisher wrote', { reason })).toEqual({ nl: 'Paste niet: er was nog €\u00a010 over, het plan kost €\u00a020', en: 'Did not fit: €10 was left, the plan costs €20' });
  });

  it('leaves an explanation written by hand as it is (null structure)', () => {
    expect(structuredExplanation('Most votes in its wijk')).toBeNull();
    expect(structuredExplanation('nobody supports it', { reason: { code: 'selected', text: 'nobody supports it' } })).toBeNull();
  });

  it('formats amounts as the count wrote them in the page language', () => {
    expect([amount('€1250.50', 'nl'), amount('€1250.50', 'en'), amount('1250 PLN', 'nl'), amount('12', 'en'), amount('about 5', 'nl')]).toEqual(['€\u00a01.250,50', '€1,250.50', 'PLN\u00a01.250', '12', 'about 5']);
  });
});
