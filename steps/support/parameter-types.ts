// Parameter types of the French steps: {acteur} (a persona label), {texte} (text between
// guillemets « … »), {statut} (an RFC 3463 enhanced status code), {destinataire} (what a
// directory search looks for).
import { defineParameterType } from '@cucumber/cucumber';
import { actorPattern } from './cast.ts';
import { FIXTURES_DIR } from './simulator-lifecycle.ts';

defineParameterType({ name: 'acteur', regexp: new RegExp(actorPattern(FIXTURES_DIR)), transformer: (label: string) => label });
defineParameterType({ name: 'texte', regexp: /[^«»]+/, transformer: (text: string) => text.trim() });
defineParameterType({ name: 'statut', regexp: /[245]\.\d{1,3}\.\d{1,3}/, transformer: (status: string) => status });

export type RecipientKind = 'pharmacy' | 'practitioner' | 'organisation';
const RECIPIENT_KINDS: Readonly<Record<string, RecipientKind>> = { 'la pharmacie': 'pharmacy', 'le professionnel': 'practitioner', "l'organisation": 'organisation' };
defineParameterType({ name: 'destinataire', regexp: /la pharmacie|le professionnel|l'organisation/, transformer: (words: string): RecipientKind => RECIPIENT_KINDS[words] ?? 'organisation' });
