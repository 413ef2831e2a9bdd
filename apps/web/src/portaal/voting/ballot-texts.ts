import type { Messages } from '../../common/i18n';

export const ballotTexts: Messages<
  | 'title'
  | 'loading'
  | 'notOpen'
  | 'signInFirst'
  | 'signIn'
  | 'already'
  | 'rulesTitle'
  | 'ruleApproval'
  | 'ruleChoose1'
  | 'ruleCumulative'
  | 'ruleScoring'
  | 'ruleOrdinal'
  | 'ruleMin'
  | 'ruleMax'
  | 'ruleCap'
  | 'ruleMinSpend'
  | 'ruleThemeMax'
  | 'ruleThemeMin'
  | 'budget'
  | 'plansLegend'
  | 'cost'
  | 'area'
  | 'theme'
  | 'pointsLabel'
  | 'pointsHelp'
  | 'scoreHelp'
  | 'rankLabel'
  | 'rankNone'
  | 'totalApproval'
  | 'totalApprovalCap'
  | 'totalOver'
  | 'totalPoints'
  | 'totalOrdinal'
  | 'submit'
  | 'submitChange'
  | 'sending'
  | 'none'
  | 'TOO_FEW'
  | 'TOO_MANY'
  | 'COST_CAP'
  | 'MIN_SPEND'
  | 'THEME_MAX'
  | 'THEME_MIN'
  | 'POINTS_TOTAL'
  | 'POINTS_EACH'
  | 'POINTS_WHOLE'
  | 'RANK_DOUBLE'
  | 'RANK_LONG'
  | 'ALREADY_CAST'
  | 'VOTING_CLOSED'
  | 'CODE_BLOCKED'
  | 'NOT_ELIGIBLE'
  | 'PAPER'
  | 'CHANGED'
  | 'UNKNOWN_PLAN'
  | 'WRONG_ROUND'
> = {
  nl: {
    title: 'Stemmen',
    loading: 'Even geduld, het stembiljet wordt geladen…',
    notOpen: 'U kunt nu niet stemmen. De stemming is nog niet begonnen of al gesloten.',
    signInFirst: 'Meld u eerst aan om te stemmen.',
    signIn: 'Aanmelden',
    already: 'U heeft al gestemd. U kunt uw stem nog wijzigen zolang de stemming open is. Alleen uw laatste stem telt.',
    rulesTitle: 'Zo stemt u',
    ruleApproval: 'Kies de plannen die u goed vindt.',
    ruleChoose1: 'Kies één plan.',
    ruleCumulative: 'Verdeel {points} punten over de plannen. Meer punten betekent: u vindt het plan belangrijker.',
    ruleScoring: 'Geef elk plan dat u wilt steunen een cijfer van 1 tot en met {points}.',
    ruleOrdinal: 'Zet plannen op volgorde. Nummer 1 vindt u het best.',
    ruleMin: 'Kies minstens {n} {plans}.',
    ruleMax: 'Kies hoogstens {n} {plans}.',
    ruleCap: 'Samen mogen de plannen hoogstens {amount} kosten.',
    ruleMinSpend: 'Samen moeten de plannen minstens {amount} kosten.',
    ruleThemeMax: 'Kies hoogstens {n} {plans} met het thema "{theme}".',
    ruleThemeMin: 'Kies minstens {n} {plans} met het thema "{theme}".',
    budget: 'Er is in totaal {amount} te verdelen.',
    plansLegend: 'De plannen',
    cost: 'Kosten',
    area: 'Buurt',
    theme: 'Thema',
    pointsLabel: 'Punten voor {title}',
    pointsHelp: 'Een heel getal. Leeg of 0: geen punten.',
    scoreHelp: 'Een cijfer van 1 tot en met {points}. Leeg: geen cijfer.',
    rankLabel: 'Plek van {title}',
    rankNone: 'Geen plek',
    totalApproval: 'U heeft {n} {plans} gekozen. Samen kosten ze {amount}.',
    totalApprovalCap: 'U heeft {n} {plans} gekozen. Samen kosten ze {amount}. U heeft nog {left} over.',
    totalOver: 'U heeft {n} {plans} gekozen. Samen kosten ze {amount}. Dat is {over} te veel.',
    totalPoints: 'U heeft {given} van de {points} punten verdeeld.',
    totalOrdinal: 'U heeft {n} {plans} op volgorde gezet.',
    submit: 'Stem uitbrengen',
    submitChange: 'Stem wijzigen',
    sending: 'Even geduld, uw stem wordt verstuurd…',
    none: 'Er staan geen plannen op het stembiljet.',
    TOO_FEW: 'Kies minstens {n} {plans}.',
    TOO_MANY: 'U heeft te veel plannen gekozen. Kies hoogstens {n} {plans}.',
    COST_CAP: 'De plannen die u koos kosten samen {amount}. Dat is meer dan {cap}. Haal een plan weg.',
    MIN_SPEND: 'De plannen die u koos kosten samen {amount}. Dat is minder dan {min}. Kies nog een plan.',
    THEME_MAX: 'U heeft te veel plannen met het thema "{theme}" gekozen. Kies er hoogstens {n}.',
    THEME_MIN: 'Kies minstens {n} {plans} met het thema "{theme}".',
    POINTS_TOTAL: 'U heeft {given} punten verdeeld. Dat mag hoogstens {points} zijn.',
    POINTS_EACH: 'Een plan krijgt hoogstens {points} punten.',
    POINTS_WHOLE: 'Vul bij punten een heel getal in, of laat het leeg.',
    RANK_DOUBLE: 'Twee plannen hebben dezelfde plek. Geef elk plan een eigen plek.',
    RANK_LONG: 'U mag hoogstens {n} plannen op volgorde zetten.',
    ALREADY_CAST: 'U heeft al gestemd. Laad de pagina opnieuw om uw stem te wijzigen.',
    VOTING_CLOSED: 'De stemming is gesloten. Uw stem is niet meer verstuurd.',
    CODE_BLOCKED: 'Uw stemcode is geblokkeerd. Neem contact op met de gemeente.',
    NOT_ELIGIBLE: 'U mag niet stemmen in deze ronde. Neem contact op met de gemeente.',
    PAPER: 'U heeft op papier gestemd. Die stem telt, en kan online niet meer veranderen.',
    CHANGED: 'Uw stem is intussen veranderd (misschien in een ander venster). Laad de pagina opnieuw.',
    UNKNOWN_PLAN: 'Een plan staat niet (meer) op het stembiljet. Laad de pagina opnieuw.',
    WRONG_ROUND: 'U bent aangemeld voor een andere ronde. Meld u opnieuw aan.',
  },
  en: {
    title: 'Vote',
    loading: 'Please wait, loading the ballot…',
    notOpen: 'You cannot vote now. Voting has not started yet or has closed.',
    signInFirst: 'Please sign in first to vote.',
    signIn: 'Sign in',
    already: 'You have already voted. You can still change your vote while voting is open. Only your last vote counts.',
    rulesTitle: 'How to vote',
    ruleApproval: 'Choose the plans you like.',
    ruleChoose1: 'Choose one plan.',
    ruleCumulative: 'Divide {points} points over the plans. More points means: the plan matters more to you.',
    ruleScoring: 'Give each plan you want to support a score from 1 to {points}.',
    ruleOrdinal: 'Put plans in order. Number 1 is the one you like best.',
    ruleMin: 'Choose at least {n} {plans}.',
    ruleMax: 'Choose at most {n} {plans}.',
    ruleCap: 'Together the plans may cost at most {amount}.',
    ruleMinSpend: 'Together the plans must cost at least {amount}.',
    ruleThemeMax: 'Choose at most {n} {plans} with the theme "{theme}".',
    ruleThemeMin: 'Choose at least {n} {plans} with the theme "{theme}".',
    budget: 'In total there is {amount} to divide.',
    plansLegend: 'The plans',
    cost: 'Cost',
    area: 'Area',
    theme: 'Theme',
    pointsLabel: 'Points for {title}',
    pointsHelp: 'A whole number. Empty or 0: no points.',
    scoreHelp: 'A score from 1 to {points}. Empty: no score.',
    rankLabel: 'Place of {title}',
    rankNone: 'No place',
    totalApproval: 'You chose {n} {plans}. Together they cost {amount}.',
    totalApprovalCap: 'You chose {n} {plans}. Together they cost {amount}. You have {left} left.',
    totalOver: 'You chose {n} {plans}. Together they cost {amount}. That is {over} too much.',
    totalPoints: 'You divided {given} of the {points} points.',
    totalOrdinal: 'You put {n} {plans} in order.',
    submit: 'Cast my vote',
    submitChange: 'Change my vote',
    sending: 'Please wait, sending your vote…',
    none: 'There are no plans on the ballot.',
    TOO_FEW: 'Choose at least {n} {plans}.',
    TOO_MANY: 'You chose too many plans. Choose at most {n} {plans}.',
    COST_CAP: 'The plans you chose cost {amount} together. That is more than {cap}. Remove a plan.',
    MIN_SPEND: 'The plans you chose cost {amount} together. That is less than {min}. Choose another plan.',
    THEME_MAX: 'You chose too many plans with the theme "{theme}". Choose at most {n}.',
    THEME_MIN: 'Choose at least {n} {plans} with the theme "{theme}".',
    POINTS_TOTAL: 'You divided {given} points. That may be at most {points}.',
    POINTS_EACH: 'A plan gets at most {points} points.',
    POINTS_WHOLE: 'Enter a whole number of points, or leave it empty.',
    RANK_DOUBLE: 'Two plans have the same place. Give each plan its own place.',
    RANK_LONG: 'You may put at most {n} plans in order.',
    ALREADY_CAST: 'You have already voted. Reload the page to change your vote.',
    VOTING_CLOSED: 'Voting has closed. Your vote was not sent.',
    CODE_BLOCKED: 'Your voting code is blocked. Please contact the municipality.',
    NOT_ELIGIBLE: 'You may not vote in this round. Please contact the municipality.',
    PAPER: 'You voted on paper. That vote counts and cannot be changed online.',
    CHANGED: 'Your vote changed in the meantime (perhaps in another window). Reload the page.',
    UNKNOWN_PLAN: 'A plan is no longer on the ballot. Reload the page.',
    WRONG_ROUND: 'You are signed in for another round. Please sign in again.',
  },
};

export const planWord = (n: number, lang: 'nl' | 'en') => (lang === 'nl' ? (n === 1 ? 'plan' : 'plannen') : n === 1 ? 'plan' : 'plans');
