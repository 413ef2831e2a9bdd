import type { Messages } from '../../common/i18n';

export const receiptTexts: Messages<
  | 'confirmTitle'
  | 'confirmDone'
  | 'confirmChanged'
  | 'youChose'
  | 'receiptTitle'
  | 'receiptIntro'
  | 'receiptLabel'
  | 'copy'
  | 'copied'
  | 'copyFailed'
  | 'proves'
  | 'provesNot'
  | 'keep'
  | 'toCheck'
  | 'change'
  | 'nothing'
  | 'checkTitle'
  | 'checkIntro'
  | 'checkLabel'
  | 'checkHelp'
  | 'checkButton'
  | 'checkEmpty'
  | 'checkMalformed'
  | 'busy'
  | 'counted'
  | 'countedOnline'
  | 'countedAssisted'
  | 'countedPaper'
  | 'replaced'
  | 'viaOnline'
  | 'viaAssisted'
  | 'viaPaper'
  | 'resultPending'
  | 'resultPublished'
  | 'resultAdopted'
  | 'myTitle'
  | 'myWon'
  | 'myCaption'
  | 'colPlan'
  | 'colOutcome'
  | 'colVotes'
  | 'colWhy'
  | 'colShare'
  | 'won'
  | 'lost'
  | 'shareLeft'
  | 'toResult'
  | 'VOTING_OPEN'
  | 'NOT_FOUND'
  | 'NO_BOX'
  | 'RATE_LIMITED'
  | 'BALLOT_REPLACED'
  | 'R_selected'
  | 'R_did-not-fit'
  | 'R_below-threshold'
  | 'R_stopped'
  | 'R_mes-unaffordable'
  | 'R_no-support'
  | 'R_not-feasible'
> = {
  nl: {
    confirmTitle: 'Uw stem is ontvangen',
    confirmDone: 'Dank u wel. Uw stem is opgeslagen.',
    confirmChanged: 'Dank u wel. Uw stem is gewijzigd. Alleen deze laatste stem telt.',
    youChose: 'U koos: {titles}.',
    receiptTitle: 'Uw ontvangstbewijs',
    receiptIntro: 'Dit is uw ontvangstbewijs. U ziet het alleen nu. Schrijf het op of kopieer het.',
    receiptLabel: 'Ontvangstbewijs',
    copy: 'Kopieer het ontvangstbewijs',
    copied: 'Het ontvangstbewijs is gekopieerd.',
    copyFailed: 'Kopiëren lukte niet. Selecteer de tekst en kopieer die zelf.',
    proves: 'Na de stemming kunt u hiermee controleren dat uw stem is meegeteld. En na de uitslag ziet u welke van uw plannen zijn gekozen, en waarom.',
    provesNot: 'Niemand kan met dit bewijs zien op welke plannen u heeft gestemd. Ook de gemeente niet.',
    keep: 'Geef het aan niemand. Wie het heeft, kan uw uitslag lezen.',
    toCheck: 'Ontvangstbewijs controleren',
    change: 'Stem wijzigen',
    nothing: 'Uw ontvangstbewijs ziet u alleen direct na het stemmen. Heeft u het opgeschreven? Dan kunt u het controleren.',
    checkTitle: 'Ontvangstbewijs controleren',
    checkIntro: 'Vul het ontvangstbewijs in dat u kreeg na het stemmen. Na de stemming ziet u of uw stem is meegeteld. Na de uitslag ziet u ook wat er met uw plannen is gebeurd.',
    checkLabel: 'Ontvangstbewijs',
    checkHelp: '43 tekens: letters, cijfers, - en _.',
    checkButton: 'Controleren',
    checkEmpty: 'Vul uw ontvangstbewijs in.',
    checkMalformed: 'Dit is geen geldig ontvangstbewijs. Het heeft 43 tekens: letters, cijfers, - en _. Controleer wat u heeft ingevuld.',
    busy: 'Even geduld…',
    counted: 'Uw stem is meegeteld.',
    countedOnline: 'U stemde online.',
    countedAssisted: 'U stemde met hulp van een medewerker.',
    countedPaper: 'U stemde op papier.',
    replaced: 'Deze stem telt niet meer. Er is later een nieuwe stem uitgebracht ({channel}). Alleen die nieuwe stem telt.',
    viaOnline: 'online',
    viaAssisted: 'met hulp van een medewerker',
    viaPaper: 'op papier',
    resultPending: 'De uitslag is er nog niet.',
    resultPublished: 'De uitslag is bekend. Het bestuur moet hem nog vaststellen. Daarna ziet u hier wat er met uw plannen is gebeurd.',
    resultAdopted: 'De uitslag is vastgesteld.',
    myTitle: 'Uw uitslag',
    myWon: 'Van de plannen die u koos, {won} van de {n} gekozen.',
    myCaption: 'De plannen op uw stem, en wat ermee is gebeurd',
    colPlan: 'Plan',
    colOutcome: 'Uitkomst',
    colVotes: 'Stemmen',
    colWhy: 'Waarom',
    colShare: 'Uw deel',
    won: 'Gekozen',
    lost: 'Niet gekozen',
    shareLeft: 'Van uw gelijke deel van het budget bleef {amount} over.',
    toResult: 'Bekijk de hele uitslag',
    VOTING_OPEN: 'De stemming is nog open. Na de stemming kunt u uw ontvangstbewijs controleren.',
    NOT_FOUND: 'Dit ontvangstbewijs kennen wij niet in deze ronde. Controleer wat u heeft ingevuld.',
    NO_BOX: 'Voor deze ronde is er geen stemming.',
    RATE_LIMITED: 'U heeft het te vaak geprobeerd. Wacht een paar minuten en probeer het dan opnieuw.',
    BALLOT_REPLACED: 'Deze stem is vervangen door een latere stem. Controleer het ontvangstbewijs van die latere stem.',
    'R_selected': 'Gekozen: het plan paste in het budget.',
    'R_did-not-fit': 'Niet gekozen: er was niet genoeg geld meer over.',
    'R_below-threshold': 'Niet gekozen: het plan kreeg te weinig stemmen.',
    'R_stopped': 'Niet gekozen: de telling was al klaar.',
    'R_mes-unaffordable': 'Niet gekozen: de stemmers van dit plan hadden samen niet genoeg budget over.',
    'R_no-support': 'Niet gekozen: niemand stemde op dit plan.',
    'R_not-feasible': 'Niet gekozen: het plan is niet uitvoerbaar.',
  },
  en: {
    confirmTitle: 'Your vote has been received',
    confirmDone: 'Thank you. Your vote has been saved.',
    confirmChanged: 'Thank you. Your vote has been changed. Only this last vote counts.',
    youChose: 'You chose: {titles}.',
    receiptTitle: 'Your receipt',
    receiptIntro: 'This is your receipt. You only see it now. Write it down or copy it.',
    receiptLabel: 'Receipt',
    copy: 'Copy the receipt',
    copied: 'The receipt has been copied.',
    copyFailed: 'Copying did not work. Select the text and copy it yourself.',
    proves: 'After voting closes you can check with it that your vote was counted. After the result you see which of your plans were chosen, and why.',
    provesNot: 'Nobody can see with this receipt which plans you voted for. Not even the municipality.',
    keep: 'Do not give it to anyone. Whoever has it can read your result.',
    toCheck: 'Check your receipt',
    change: 'Change my vote',
    nothing: 'You only see your receipt right after voting. Did you write it down? Then you can check it.',
    checkTitle: 'Check your receipt',
    checkIntro: 'Enter the receipt you got after voting. After voting closes you see whether your vote was counted. After the result you also see what happened to your plans.',
    checkLabel: 'Receipt',
    checkHelp: '43 characters: letters, digits, - and _.',
    checkButton: 'Check',
    checkEmpty: 'Enter your receipt.',
    checkMalformed: 'This is not a valid receipt. It has 43 characters: letters, digits, - and _. Check what you entered.',
    busy: 'Please wait…',
    counted: 'Your vote was counted.',
    countedOnline: 'You voted online.',
    countedAssisted: 'You voted with help from an official.',
    countedPaper: 'You voted on paper.',
    replaced: 'This vote no longer counts. A new vote was cast later ({channel}). Only that new vote counts.',
    viaOnline: 'online',
    viaAssisted: 'with help from an official',
    viaPaper: 'on paper',
    resultPending: 'There is no result yet.',
    resultPublished: 'The result is known. The board still has to adopt it. After that you see here what happened to your plans.',
    resultAdopted: 'The result has been adopted.',
    myTitle: 'Your result',
    myWon: 'Of the plans you chose, {won} of {n} were chosen.',
    myCaption: 'The plans on your vote, and what happened to them',
    colPlan: 'Plan',
    colOutcome: 'Outcome',
    colVotes: 'Votes',
    colWhy: 'Why',
    colShare: 'Your share',
    won: 'Chosen',
    lost: 'Not chosen',
    shareLeft: 'Of your equal share of the budget, {amount} was left.',
    toResult: 'See the whole result',
    VOTING_OPEN: 'Voting is still open. You can check your receipt after voting closes.',
    NOT_FOUND: 'We do not know this receipt in this round. Check what you entered.',
    NO_BOX: 'There is no vote in this round.',
    RATE_LIMITED: 'You tried too often. Wait a few minutes and try again.',
    BALLOT_REPLACED: 'This vote was replaced by a later one. Check the receipt of that later vote.',
    'R_selected': 'Chosen: the plan fitted in the budget.',
    'R_did-not-fit': 'Not chosen: there was not enough money left.',
    'R_below-threshold': 'Not chosen: the plan got too few votes.',
    'R_stopped': 'Not chosen: the count had already finished.',
    'R_mes-unaffordable': "Not chosen: this plan's voters did not have enough budget left together.",
    'R_no-support': 'Not chosen: nobody voted for this plan.',
    'R_not-feasible': 'Not chosen: the plan cannot be carried out.',
  },
};

export type ReasonKey = `R_${'selected' | 'did-not-fit' | 'below-threshold' | 'stopped' | 'mes-unaffordable' | 'no-support' | 'not-feasible'}`;
const REASONS = new Set(['selected', 'did-not-fit', 'below-threshold', 'stopped', 'mes-unaffordable', 'no-support', 'not-feasible']);
export const reasonKey = (code: string | null | undefined): ReasonKey | null => (code && REASONS.has(code) ? (`R_${code}` as ReasonKey) : null);
