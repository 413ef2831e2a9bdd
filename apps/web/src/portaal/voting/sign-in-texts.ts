import type { Messages } from '../../common/i18n';

export const signInTexts: Messages<
  | 'title'
  | 'intro'
  | 'codeLabel'
  | 'codeHelp'
  | 'codeButton'
  | 'codeEmpty'
  | 'codeShort'
  | 'or'
  | 'providerTitle'
  | 'providerIntro'
  | 'providerButton'
  | 'busy'
  | 'doneTitle'
  | 'doneBody'
  | 'firstTime'
  | 'earlierOne'
  | 'earlierMany'
  | 'notYou'
  | 'continue'
  | 'returnTitle'
  | 'returnFailed'
  | 'residentOnly'
  | 'residentOnlyVote'
  | 'residentOnlyOn'
  | 'again'
  | 'UNKNOWN_CODE'
  | 'CODE_BLOCKED'
  | 'NOT_ELIGIBLE'
  | 'RATE_LIMITED'
  | 'VOTING_CLOSED'
  | 'KEY_DESTROYED'
  | 'NOT_CONFIGURED'
  | 'PROVIDER_UNAVAILABLE'
  | 'PROVIDER_REFUSED'
  | 'NO_SIGN_IN_STARTED'
  | 'AREA_UNKNOWN'
  | 'AGE_UNKNOWN'
  | 'RESIDENT_BLOCKED'
  | 'ROLL_CLOSED'
  | 'NO_BOX'
> = {
  nl: {
    title: 'Aanmelden om te stemmen',
    intro: 'U heeft een brief met een stemcode gekregen. Vul die code hieronder in.',
    codeLabel: 'Stemcode',
    codeHelp: 'De code staat in de brief. Bijvoorbeeld: K7QM-4TXA-93WD-PRZB. Hoofdletters en streepjes maken niet uit.',
    codeButton: 'Aanmelden met code',
    codeEmpty: 'Vul de stemcode uit uw brief in.',
    codeShort: 'Deze stemcode is te kort. Controleer de code in uw brief.',
    or: 'Of meld u aan bij de gemeente',
    providerTitle: 'Aanmelden bij de gemeente',
    providerIntro: 'Heeft u geen brief? Meld u dan aan met uw account van de gemeente. Daarna kunt u stemmen.',
    providerButton: 'Aanmelden bij de gemeente',
    busy: 'Even geduld, u wordt aangemeld…',
    doneTitle: 'U bent aangemeld',
    doneBody: 'U kunt nu stemmen. U blijft 15 minuten aangemeld.',
    firstTime: 'U bent nog niet eerder aangemeld voor deze stemming.',
    earlierOne: 'U was eerder aangemeld op {last}. Dat was 1 keer.',
    earlierMany: 'U was eerder aangemeld, {count} keer. De laatste keer was op {last}.',
    notYou: 'Was u dat niet? Dan heeft misschien iemand anders uw code gebruikt. Neem contact op met de gemeente.',
    continue: 'Verder naar het stembiljet',
    returnTitle: 'Aanmelden bij de gemeente',
    returnFailed: 'Het aanmelden is niet gelukt.',
    residentOnly: 'U bent aangemeld. U kunt nu plannen indienen en steunen.',
    residentOnlyVote: 'Stemmen kan nog niet:',
    residentOnlyOn: 'Verder',
    again: 'Probeer het opnieuw',
    UNKNOWN_CODE: 'Deze stemcode kennen wij niet. Controleer de code in uw brief en probeer het opnieuw.',
    CODE_BLOCKED: 'Deze stemcode is geblokkeerd. Neem contact op met de gemeente.',
    NOT_ELIGIBLE: 'Met deze code mag u niet stemmen in deze ronde. Neem contact op met de gemeente als u denkt dat dit niet klopt.',
    RATE_LIMITED: 'U heeft het te vaak geprobeerd. Wacht een paar minuten en probeer het dan opnieuw.',
    VOTING_CLOSED: 'U kunt nu niet stemmen. De stemming is nog niet begonnen of al gesloten.',
    KEY_DESTROYED: 'De stemming is afgesloten. Stemmen kan niet meer.',
    NOT_CONFIGURED: 'Aanmelden bij de gemeente is niet mogelijk. Gebruik de stemcode uit uw brief.',
    PROVIDER_UNAVAILABLE: 'De aanmelding van de gemeente werkt nu niet. Probeer het later opnieuw.',
    PROVIDER_REFUSED: 'U heeft het aanmelden afgebroken, of het is geweigerd.',
    NO_SIGN_IN_STARTED: 'Het aanmelden duurde te lang of is in een ander venster begonnen. Begin opnieuw.',
    AREA_UNKNOWN: 'De gemeente weet niet in welke wijk u woont. Daarom kunt u hier niet stemmen. Neem contact op met de gemeente.',
    AGE_UNKNOWN: 'De gemeente weet uw leeftijd niet. Daarom kunt u hier niet stemmen. Neem contact op met de gemeente.',
    RESIDENT_BLOCKED: 'U kunt niet meer stemmen met uw account. Neem contact op met de gemeente.',
    ROLL_CLOSED: 'U kunt zich niet meer aanmelden voor deze stemming.',
    NO_BOX: 'Voor deze ronde is er (nog) geen stemming.',
  },
  en: {
    title: 'Sign in to vote',
    intro: 'You have received a letter with a voting code. Enter that code below.',
    codeLabel: 'Voting code',
    codeHelp: 'The code is in the letter. For example: K7QM-4TXA-93WD-PRZB. Capitals and dashes do not matter.',
    codeButton: 'Sign in with code',
    codeEmpty: 'Enter the voting code from your letter.',
    codeShort: 'This voting code is too short. Check the code in your letter.',
    or: 'Or sign in at the municipality',
    providerTitle: 'Sign in at the municipality',
    providerIntro: "No letter? Then sign in with your municipality's account. After that you can vote.",
    providerButton: 'Sign in at the municipality',
    busy: 'Please wait, signing you in…',
    doneTitle: 'You are signed in',
    doneBody: 'You can vote now. You stay signed in for 15 minutes.',
    firstTime: 'You have not signed in for this vote before.',
    earlierOne: 'You signed in before on {last}. That was once.',
    earlierMany: 'You signed in before, {count} times. The last time was on {last}.',
    notYou: 'Was that not you? Then someone else may have used your code. Please contact the municipality.',
    continue: 'Go to the ballot',
    returnTitle: 'Sign in at the municipality',
    returnFailed: 'Signing in did not work.',
    residentOnly: 'You are signed in. You can now submit and support plans.',
    residentOnlyVote: 'You cannot vote yet:',
    residentOnlyOn: 'Continue',
    again: 'Try again',
    UNKNOWN_CODE: 'We do not know this voting code. Check the code in your letter and try again.',
    CODE_BLOCKED: 'This voting code is blocked. Please contact the municipality.',
    NOT_ELIGIBLE: 'You may not vote in this round with this code. Contact the municipality if you think this is wrong.',
    RATE_LIMITED: 'You tried too often. Wait a few minutes and try again.',
    VOTING_CLOSED: 'You cannot vote now. Voting has not started yet or has closed.',
    KEY_DESTROYED: 'Voting is over. You can no longer vote.',
    NOT_CONFIGURED: 'Signing in at the municipality is not possible. Use the voting code from your letter.',
    PROVIDER_UNAVAILABLE: "The municipality's sign-in does not work right now. Please try again later.",
    PROVIDER_REFUSED: 'You cancelled signing in, or it was refused.',
    NO_SIGN_IN_STARTED: 'Signing in took too long or started in another window. Please start again.',
    AREA_UNKNOWN: 'The municipality does not know which area you live in, so you cannot vote here. Please contact the municipality.',
    AGE_UNKNOWN: 'The municipality does not know your age, so you cannot vote here. Please contact the municipality.',
    RESIDENT_BLOCKED: 'You can no longer vote with your account. Please contact the municipality.',
    ROLL_CLOSED: 'You can no longer sign up for this vote.',
    NO_BOX: 'There is no vote (yet) in this round.',
  },
};
