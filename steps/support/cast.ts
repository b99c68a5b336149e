// The cast of a scenario: personas of the fixtures (personas), found by the label a
// scenario uses — full name, first name, « Dr <nom> » or id.
import { patientAddressOf } from '../../simulator/public-api.ts';
import { readFileSync } from 'node:fs';
import type { Persona } from '../../simulator/public-api.ts';
import type { TrustSpaceView } from '../../simulator/public-api.ts';

export type Actor =
  | { readonly kind: 'professional'; readonly label: string; readonly address: string; readonly password: string; readonly displayName: string }
  | { readonly kind: 'patient'; readonly label: string; readonly ins: string; readonly address: string }
  | { readonly kind: 'address'; readonly label: string; readonly address: string };

/** Labels a persona answers to, e.g. « Dr Paul Martin », « Dr Martin », « Paul Martin ». */
export function labelsOf(persona: Persona): string[] {
  const words = persona.name.split(' ');
  const labels = [persona.name];
  if (words[0] === 'Dr' && words.length > 2) labels.push(`Dr ${words.slice(2).join(' ')}`);
  else if (persona.kind !== 'address' && words.length > 1) labels.push(words[0]!);
  return labels;
}

/** Regex source matching any persona label of the fixture folder, longest first. */
export function actorPattern(fixturesDir: string): string {
  const { personas } = JSON.parse(readFileSync(`${fixturesDir}/personas.json`, 'utf8')) as { personas: Persona[] };
  const labels = personas.flatMap(labelsOf).sort((a, b) => b.length - a.length);
  return labels.map((label) => label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
}

export function findActor(view: TrustSpaceView, label: string): Actor {
  const persona = view.data.personas.find((p) => labelsOf(p).includes(label));
  if (!persona) throw new Error(`Aucun personnage « ${label} » dans le jeu de données.`);
  if (persona.kind === 'patient') return { kind: 'patient', label, ins: persona.ins, address: patientAddressOf(persona.ins) };
  if (persona.kind === 'address') return { kind: 'address', label, address: persona.address };
  const mailbox = view.mailbox(persona.mailbox);
  if (!mailbox) throw new Error(`La boîte « ${persona.mailbox} » de ${label} n'existe pas dans le jeu de données.`);
  return { kind: 'professional', label, address: mailbox.address, password: mailbox.password, displayName: mailbox.displayName };
}
