import type { Messages } from '../common/i18n';

/** The portal's shared texts (Dutch at B1 level, and English). Each page keeps its own texts beside it. */
export const portalTexts: Messages<'app' | 'nav.home' | 'nav.round' | 'notFound.title' | 'notFound.body' | 'loading'> = {
  nl: {
    app: 'Inwonersbudget',
    'nav.home': 'Start',
    'nav.round': 'Plannen',
    'notFound.title': 'Deze pagina bestaat niet',
    'notFound.body': 'Controleer het adres. Of ga naar de startpagina.',
    loading: 'Even geduld, de gegevens worden geladen…',
  },
  en: {
    app: "Residents' budget",
    'nav.home': 'Home',
    'nav.round': 'Plans',
    'notFound.title': 'This page does not exist',
    'notFound.body': 'Check the address, or go to the home page.',
    loading: 'Please wait, loading…',
  },
};
