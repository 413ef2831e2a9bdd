import type { Messages } from '../common/i18n';

/** The back office's shared texts (Dutch and English). Each page keeps its own texts beside it. */
export const backOfficeTexts: Messages<'app' | 'nav.rounds' | 'nav.signOut' | 'loading' | 'notFound.title' | 'notFound.body' | 'signedInAs'> = {
  nl: {
    app: 'Inwonersbudget – beheer',
    'nav.rounds': 'Rondes',
    'nav.signOut': 'Afmelden',
    loading: 'Even geduld, de gegevens worden geladen…',
    'notFound.title': 'Deze pagina bestaat niet',
    'notFound.body': 'Controleer het adres, of ga naar de rondes.',
    signedInAs: 'Aangemeld als {sub} ({roles})',
  },
  en: {
    app: "Residents' budget – back office",
    'nav.rounds': 'Rounds',
    'nav.signOut': 'Sign out',
    loading: 'Please wait, loading…',
    'notFound.title': 'This page does not exist',
    'notFound.body': 'Check the address, or go to the rounds.',
    signedInAs: 'Signed in as {sub} ({roles})',
  },
};
