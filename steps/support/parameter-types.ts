// Parameter types of the French steps: {acteur} (a persona label), {texte} (text between
// guillemets « … »), {statut} (an RFC 3463 enhanced status code).
import { defineParameterType } from '@cucumber/cucumber';
import { actorPattern } from './cast.ts';
import { FIXTURES_DIR } from './simulator-lifecycle.ts';

defineParameterType({ name: 'acteur', regexp: new RegExp(actorPattern(FIXTURES_DIR)), transformer: (label: string) => label });
defineParameterType({ name: 'texte', regexp: /[^«»]+/, transformer: (text: string) => text.trim() });
defineParameterType({ name: 'statut', regexp: /[245]\.\d{1,3}\.\d{1,3}/, transformer: (status: string) => status });
