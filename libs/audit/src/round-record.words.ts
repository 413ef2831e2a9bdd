import type { BudgetEvent, ProposalEvent, RoundEvent, RoundPhase } from '@lib/budgeting/events';
import type { Lang } from '@lib/tally';
import type { BallotBoxEvent, BallotEvent, PaperBatchEvent, ParticipantEvent, VotingFrame } from '@lib/voting/events';

/**
 * The words of the proces-verbaal in Dutch (the municipality's official record) and English (on
 * request). Every identifier the record shows to a reader (event types, phases, roles, rules, tie
 * breaks, decision bodies, chain breaks) has its wording here; the type checker keeps the lists
 * complete when an event type or a phase is added.
 */
type Words = Record<Lang, string>;

type EventType =
  | BudgetEvent['type']
  | ProposalEvent['type']
  | RoundEvent['type']
  | BallotBoxEvent['type']
  | BallotEvent['type']
  | PaperBatchEvent['type']
  | ParticipantEvent['type'];

export const EVENT_WORDS: Record<EventType, Words> = {
  BudgetEstablished: { nl: 'Kader vastgesteld', en: 'Frame established' },
  FrameAmended: { nl: 'Kader gewijzigd', en: 'Frame amended' },
  FrameVersionFrozen: { nl: 'Kaderversie bevroren', en: 'Frame version frozen' },
  FrameVersionReleased: { nl: 'Kaderversie vrijgegeven', en: 'Frame version released' },
  RoundPlanned: { nl: 'Ronde gepland', en: 'Round planned' },
  RoundFollowedFrameAmendment: { nl: 'Ronde volgt gewijzigd kader', en: 'Round follows the amended frame' },
  RoundPhaseAdvanced: { nl: 'Fase gewijzigd', en: 'Phase changed' },
  RoundCancelled: { nl: 'Ronde geannuleerd', en: 'Round cancelled' },
  SubmissionOpened: { nl: 'Indienen geopend', en: 'Submission opened' },
  RoundRulesFrozen: { nl: 'Regels van de ronde bevroren', en: 'Round rules frozen' },
  FundsCommitted: { nl: 'Geld vastgelegd', en: 'Funds committed' },
  FundsReleased: { nl: 'Geld vrijgegeven', en: 'Funds released' },
  ResultPublished: { nl: 'Uitslag gepubliceerd', en: 'Result published' },
  ResultAdopted: { nl: 'Uitslag vastgesteld', en: 'Result adopted' },
  ResultCorrected: { nl: 'Uitslag gecorrigeerd', en: 'Result corrected' },
  RoundSealed: { nl: 'Ronde verzegeld', en: 'Round sealed' },
  ProposalSubmitted: { nl: 'Plan ingediend', en: 'Plan submitted' },
  ProposalAmended: { nl: 'Plan aangepast', en: 'Plan amended' },
  ProposalWithdrawn: { nl: 'Plan ingetrokken', en: 'Plan withdrawn' },
  ProposalSupported: { nl: 'Plan gesteund', en: 'Plan supported' },
  ProposalSupportThresholdReached: { nl: 'Steundrempel gehaald', en: 'Support threshold reached' },
  ProposalAbsorbed: { nl: 'Plan opgenomen in ander plan', en: 'Plan absorbed into another' },
  ProposalMergedInto: { nl: 'Plan samengevoegd', en: 'Plan merged' },
  ProposalReviewerConflictDeclared: { nl: 'Belangenverstrengeling gemeld', en: 'Conflict of interest declared' },
  ProposalFeasibilityVerdictGiven: { nl: 'Oordeel haalbaarheid gegeven', en: 'Feasibility verdict given' },
  ProposalAdmittedToBallot: { nl: 'Plan toegelaten tot de stemming', en: 'Plan admitted to the ballot' },
  ProposalRefusedForBallot: { nl: 'Plan niet toegelaten tot de stemming', en: 'Plan refused for the ballot' },
  ProposalSelected: { nl: 'Plan gekozen', en: 'Plan selected' },
  ProposalNotSelected: { nl: 'Plan niet gekozen', en: 'Plan not selected' },
  ProposalDecisionDeadlineExtended: { nl: 'Beslistermijn verlengd', en: 'Decision term extended' },
  ProposalGranted: { nl: 'Subsidie verleend', en: 'Grant awarded' },
  ProposalGrantRefused: { nl: 'Subsidie geweigerd', en: 'Grant refused' },
  ProposalImplementationStarted: { nl: 'Uitvoering begonnen', en: 'Implementation started' },
  ProposalPaymentRecorded: { nl: 'Betaling geboekt', en: 'Payment recorded' },
  ProposalRealised: { nl: 'Plan uitgevoerd', en: 'Plan carried out' },
  ProposalPartlyRealised: { nl: 'Plan deels uitgevoerd', en: 'Plan partly carried out' },
  ProposalImplementationCancelled: { nl: 'Uitvoering gestopt', en: 'Implementation cancelled' },
  ProposalMoneyReturned: { nl: 'Geld terugbetaald', en: 'Money returned' },
  ProposalSupportWithdrawn: { nl: 'Steun ingetrokken', en: 'Support withdrawn' },
  ProposalAwaitingModeration: { nl: 'Plan wacht op moderatie', en: 'Plan awaiting moderation' },
  ProposalAdmittedToIntake: { nl: 'Aanvraag in behandeling genomen', en: 'Application admitted to intake' },
  ProposalRefusedAtIntake: { nl: 'Aanvraag niet in behandeling genomen', en: 'Application refused at intake' },
  ProposalObjectionLodged: { nl: 'Bezwaarschrift ontvangen', en: 'Objection lodged' },
  ProposalObjectionLatenessJudged: { nl: 'Termijnoverschrijding beoordeeld', en: 'Lateness of the objection judged' },
  ProposalObjectionHearingScheduled: { nl: 'Hoorzitting gepland', en: 'Hearing scheduled' },
  ProposalObjectionHeard: { nl: 'Hoorzitting gehouden', en: 'Hearing held' },
  ProposalObjectionHearingSkipped: { nl: 'Afgezien van horen', en: 'Hearing skipped' },
  ProposalObjectionDecisionTermExtended: { nl: 'Beslistermijn bezwaar verdaagd', en: 'Objection decision term extended' },
  ProposalObjectionDecided: { nl: 'Beslissing op bezwaar', en: 'Decision on the objection' },
  ProposalBeroepLodged: { nl: 'Beroep ingesteld', en: 'Appeal lodged at the court' },
  ProposalBeroepRuled: { nl: 'Uitspraak rechtbank', en: 'Court ruling' },
  BallotBoxPrepared: { nl: 'Stembus klaargezet', en: 'Ballot box prepared' },
  BallotBoxOpened: { nl: 'Stembus geopend', en: 'Ballot box opened' },
  BallotBoxClosed: { nl: 'Stembus gesloten', en: 'Ballot box closed' },
  VoterRollExtended: { nl: 'Kiezerslijst uitgebreid', en: 'Voter roll extended' },
  RoundKeyDestroyed: { nl: 'Rondesleutel vernietigd', en: 'Round key destroyed' },
  BallotBoxSealed: { nl: 'Stembus verzegeld', en: 'Ballot box sealed' },
  BallotCast: { nl: 'Stem uitgebracht', en: 'Ballot cast' },
  BallotReplaced: { nl: 'Stem vervangen', en: 'Ballot replaced' },
  PaperBallotSetAside: { nl: 'Papieren stem terzijde gelegd', en: 'Paper ballot set aside' },
  PaperBatchOpened: { nl: 'Stapel papieren stemmen geopend', en: 'Paper batch opened' },
  PaperBallotEntered: { nl: 'Papieren stem ingevoerd', en: 'Paper ballot entered' },
  PaperBatchConfirmed: { nl: 'Stapel papieren stemmen bevestigd', en: 'Paper batch confirmed' },
  ParticipantRegistered: { nl: 'Deelnemers geregistreerd', en: 'Participants registered' },
  VotingCodeBlocked: { nl: 'Stemcode geblokkeerd', en: 'Voting code blocked' },
  VotingCodeReissued: { nl: 'Stemcode opnieuw uitgegeven', en: 'Voting code reissued' },
  VoterSignedIn: { nl: 'Kiezer aangemeld', en: 'Voter signed in' },
};

/** Why a round key was destroyed (`RoundKeyDestroyed.reason`). */
export const KEY_DESTROYED_WORDS: Record<string, Words> = {
  'voting-closed': { nl: 'bij het sluiten van de stemming', en: 'at the close of voting' },
  'correction-window-ended': { nl: 'aan het eind van de correctietermijn', en: 'at the end of the correction window' },
  sealed: { nl: 'bij het verzegelen van de stembus', en: 'when the ballot box was sealed' },
};

export const PHASE_WORDS: Record<RoundPhase, Words> = {
  planned: { nl: 'gepland', en: 'planned' },
  submission: { nl: 'indienen', en: 'submission' },
  support: { nl: 'steun verzamelen', en: 'support' },
  feasibility: { nl: 'haalbaarheid toetsen', en: 'feasibility check' },
  preselection: { nl: 'voorselectie', en: 'preselection' },
  voting: { nl: 'stemmen', en: 'voting' },
  counting: { nl: 'tellen', en: 'counting' },
  deliberation: { nl: 'beraadslaging', en: 'deliberation' },
  adoption: { nl: 'vaststellen', en: 'adoption' },
  implementation: { nl: 'uitvoeren', en: 'implementation' },
  intake: { nl: 'aanvragen ontvangen', en: 'intake' },
  closed: { nl: 'afgesloten', en: 'closed' },
};

export const ROLE_WORDS: Record<string, Words> = {
  administrator: { nl: 'beheerder', en: 'administrator' },
  reviewer: { nl: 'beoordelaar', en: 'reviewer' },
  official: { nl: 'ambtenaar', en: 'official' },
  auditor: { nl: 'controleur', en: 'auditor' },
  voter: { nl: 'kiezer', en: 'voter' },
  resident: { nl: 'inwoner', en: 'resident' },
  system: { nl: 'systeem', en: 'system' },
  'council-member': { nl: 'raadslid', en: 'council member' },
  raadslid: { nl: 'raadslid', en: 'council member' },
  unknown: { nl: 'onbekend', en: 'unknown' },
};

/** Who took a decision: the council, the college (mayor and aldermen), or the residents' own body. */
export const BODY_WORDS: Record<'council' | 'college' | 'residents-body', Words> = {
  council: { nl: 'gemeenteraad', en: 'municipal council' },
  college: { nl: 'college van burgemeester en wethouders', en: 'board of mayor and aldermen' },
  'residents-body': { nl: 'bewonersorgaan', en: "residents' body" },
};

export const RULE_WORDS: Record<string, Words> = {
  greedy: { nl: 'meeste stemmen eerst, overslaan wat niet past', en: 'most votes first, skipping what does not fit' },
  'greedy-no-skip': { nl: 'meeste stemmen eerst, stoppen bij het eerste plan dat niet past', en: 'most votes first, stopping at the first plan that does not fit' },
  'greedy-threshold': { nl: 'meeste stemmen eerst, met een drempel', en: 'most votes first, with a threshold' },
  'greedy-reserve': {
    nl: 'meeste stemmen eerst zonder overslaan, aangevuld uit de reserve (het plan waar de telling stopt)',
    en: 'most votes first without skipping, topped up from the reserve (the plan where the count stops)',
  },
  equalshares: { nl: 'Equal Shares (methode van gelijke delen)', en: 'Equal Shares (Method of Equal Shares)' },
  'equalshares/add1': { nl: 'Equal Shares met aanvulling (add1)', en: 'Equal Shares with completion (add1)' },
  'equalshares/add1-comparison': { nl: 'Equal Shares met aanvulling, vergeleken met meeste stemmen eerst', en: 'Equal Shares with completion, compared with most votes first' },
  phragmen: { nl: 'sequentiële Phragmén', en: 'sequential Phragmén' },
};

export const TIE_BREAK_WORDS: Record<string, Words> = {
  'lowest-cost': { nl: 'laagste kosten', en: 'lowest cost' },
  'most-votes': { nl: 'meeste stemmen', en: 'most votes' },
  lot: { nl: 'loting', en: 'lot' },
  'input-order': { nl: 'volgorde van invoer', en: 'order of entry' },
  'project-id': { nl: 'plannummer', en: 'plan number' },
};

export const BALLOT_TYPE_WORDS: Record<VotingFrame['ballot']['type'], Words> = {
  approval: { nl: 'plannen aankruisen', en: 'approval (tick plans)' },
  'choose-1': { nl: 'één plan kiezen', en: 'choose one plan' },
  cumulative: { nl: 'punten verdelen', en: 'cumulative (share out points)' },
  ordinal: { nl: 'plannen rangschikken', en: 'ranking' },
  scoring: { nl: 'plannen een score geven', en: 'scoring' },
};

export const BREAK_WORDS: Record<string, Words> = {
  'hash-mismatch': { nl: 'de hash klopt niet met de inhoud', en: 'the hash does not match the content' },
  'previous-hash-mismatch': { nl: 'de verwijzing naar het vorige event klopt niet', en: 'the link to the previous event does not match' },
  'missing-hash': { nl: 'de hash ontbreekt', en: 'the hash is missing' },
  'revision-gap': { nl: 'er ontbreekt een event in de stroom', en: 'an event is missing from the stream' },
  'seal-mismatch': { nl: 'de zegel klopt niet meer', en: 'the seal no longer matches' },
  'event-deleted': { nl: 'een gebeurtenis is verwijderd', en: 'an event was deleted' },
  'stream-deleted': { nl: 'een hele stroom is verwijderd', en: 'a whole stream was deleted' },
  'event-inserted': { nl: 'een gebeurtenis is achteraf ingevoegd', en: 'an event was inserted afterwards' },
  'event-rewritten': { nl: 'een gebeurtenis is herschreven', en: 'an event was rewritten' },
  'events-reordered': { nl: 'gebeurtenissen staan op een andere plaats', en: 'events were moved' },
  'chain-link-missing': { nl: 'een schakel van de keten van de hele opslag ontbreekt', en: 'a link of the store-wide chain is missing' },
  'chain-link-altered': { nl: 'een schakel van de keten van de hele opslag is veranderd', en: 'a link of the store-wide chain was altered' },
  'ballot-after-close': { nl: 'een stem is vastgelegd nadat de stembus sloot', en: 'a ballot was recorded after the box closed' },
  'published-head-missing': { nl: 'de gepubliceerde digest van de keten staat niet meer in de opslag', en: 'the published digest of the chain is no longer in the store' },
};

export const FORM_WORDS: Record<string, Words> = {
  burgerbegroting: { nl: 'burgerbegroting', en: "citizens' budget (burgerbegroting)" },
  wijkbudget: { nl: 'wijkbudget', en: 'neighbourhood budget (wijkbudget)' },
  dorpsbudget: { nl: 'dorpsbudget', en: 'village budget (dorpsbudget)' },
  initiatievenfonds: { nl: 'initiatievenfonds', en: "residents' initiatives fund (initiatievenfonds)" },
};

/** A word from one of the lists, in the record's language; an identifier the list does not know stays as it is. */
export function word(list: Record<string, Words>, key: string, lang: Lang): string {
  return list[key]?.[lang] ?? key;
}

/**
 * English words that must not appear in the Dutch record outside code (the commands to run) and
 * identifiers (stream names, digests, plan numbers): the record's own test reads it against this list.
 */
export const ENGLISH_IN_DUTCH = [
  'selected',
  'fitted',
  'did not fit',
  'left',
  'costs',
  'council',
  'lowest-cost',
  'most-votes',
  'voting',
  'submission',
  'counting',
  'adoption',
  'approval',
  'nobody',
  'stopped',
  'threshold',
  'supporters',
  'not chosen',
  'administrator',
  'reviewer',
  'Published',
  'Adopted',
  'Advanced',
  'Registered',
  'Prepared',
  'Opened',
  'Closed',
  'Sealed',
  'Cast',
  'Frozen',
  'seal-mismatch',
  'hash-mismatch',
  'round',
  'ballot',
  'greedy',
];
