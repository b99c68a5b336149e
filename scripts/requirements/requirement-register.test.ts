import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRegister } from './requirement-register.ts';
import { formatProblem } from './requirement-problem.ts';

const HEADER = 'id;source;niveau;texte;motif_non_teste';

test('parses requirements with their line, level and reason', () => {
  const text = `\uFEFF${HEADER}\r\nMES-FIN-01;REG-FIN-01;DOIT;Objet exact [FIN].;\r\n\r\nSC.MSS/UX.26;Ségur;PEUT;"Vue; conversation";facultative : non vérifiée\r\n`;
  const { requirements, problems } = parseRegister(text, 'exigences.csv');
  assert.deepEqual(problems, []);
  assert.deepEqual(requirements, [
    { id: 'MES-FIN-01', source: 'REG-FIN-01', level: 'DOIT', text: 'Objet exact [FIN].', reasonNotTested: '', line: 2 },
    { id: 'SC.MSS/UX.26', source: 'Ségur', level: 'PEUT', text: 'Vue; conversation', reasonNotTested: 'facultative : non vérifiée', line: 4 },
  ]);
});

test('reports every malformed line at once, with its line number', () => {
  const text = [
    'id;source;niveau;texte',
    'A-01;src;DOIT;Texte.;',
    'A-02;src;DOIS;Texte.;',
    'A-01;src;PEUT;Autre.;',
    'A-03;src;DOIT;;',
    'A-04;src;DOIT;Texte.',
    'A 05;;DEVRAIT;Texte.;',
    'A-06;src;DOIT;"jamais fermé;',
  ].join('\n');
  const { requirements, problems } = parseRegister(text, 'f.csv');
  assert.deepEqual(requirements.map((r) => r.id), ['A-01']);
  assert.deepEqual(problems.map(formatProblem), [
    'f.csv:1 : en-tête « id;source;niveau;texte » inattendu : la première ligne doit être « id;source;niveau;texte;motif_non_teste ».',
    'f.csv:3 : niveau « DOIS » inconnu : utilisez DOIT, DEVRAIT, PEUT.',
    'f.csv:4 : identifiant « A-01 » en double (déjà défini ligne 2) : gardez une seule ligne par exigence.',
    "f.csv:5 : texte vide pour « A-03 » : décrivez l'exigence en une phrase.",
    'f.csv:6 : 4 colonnes au lieu de 5 : séparez « id;source;niveau;texte;motif_non_teste » par des points-virgules, et entourez de guillemets un texte qui en contient.',
    "f.csv:7 : identifiant « A 05 » invalide : lettres, chiffres, « . », « / », « _ » ou « - » sans espace (il sert d'étiquette @req:).",
    'f.csv:7 : source vide pour « A 05 » : citez la référence (par exemple « features/regles.md REG-ADR-01 »).',
    'f.csv:8 : ligne illisible : guillemet ouvert en colonne 15 jamais fermé.',
  ]);
});
