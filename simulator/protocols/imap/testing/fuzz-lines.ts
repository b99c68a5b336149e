// Random and truncated IMAP command lines from a seeded PRNG (mulberry32), for the fuzz test:
// real commands cut anywhere, real commands with words swapped for random ones, and random
// bytes (control characters included). Literal markers stay small so that no connection waits
// for megabytes.
const COMMANDS = [
  'CAPABILITY', 'NOOP', 'LOGOUT', 'STARTTLS', 'LOGIN a b', 'AUTHENTICATE PLAIN', 'AUTHENTICATE XOAUTH2 dXNlcj0BAQ==',
  'SELECT INBOX', 'EXAMINE Sent', 'LIST "" "*"', 'LSUB "" %', 'STATUS INBOX (MESSAGES UIDNEXT UNSEEN)', 'CREATE x',
  'FETCH 1:* (FLAGS UID ENVELOPE BODYSTRUCTURE)', 'FETCH 1 BODY.PEEK[HEADER.FIELDS (FROM TO)]<0.10>', 'UID FETCH 1:* (BODY[1.MIME] RFC822.SIZE)',
  'FETCH * BODY[2.HEADER]', 'SEARCH OR (FROM a SUBJECT b) NOT SINCE 1-Jan-2020', 'UID SEARCH CHARSET UTF-8 TEXT "é"', 'SEARCH UID 1:*,2',
  'STORE 1 +FLAGS (\\Seen)', 'UID STORE 1:* -FLAGS.SILENT (\\Deleted)', 'COPY 1 Trash', 'UID MOVE 1 Sent', 'EXPUNGE', 'UID EXPUNGE 1:3',
  'APPEND Sent (\\Seen) "20-Mar-2025 10:00:00 +0100" {12}', 'IDLE', 'DONE', 'CLOSE', 'UNSELECT', 'ENABLE UTF8=ACCEPT', 'ID NIL', 'NAMESPACE', 'CHECK',
  'CREATE "Dossier/Sous/"', 'CREATE Dossier', 'DELETE Dossier/Sous', 'DELETE Drafts', 'RENAME Dossier "Autre nom"', 'RENAME "Autre nom" Dossier/Sous/Bas',
  'RENAME INBOX Dossier/Anciens', 'SUBSCRIBE Dossier', 'UNSUBSCRIBE "Autre nom"', 'LSUB "" "Dossier/%"', 'SELECT "Dossier/Sous"',
  'LIST (SUBSCRIBED RECURSIVEMATCH) "" ("%" "*") RETURN (SPECIAL-USE CHILDREN)', 'LIST (SPECIAL-USE) "" * RETURN (SUBSCRIBED)',
  'APPEND Drafts (\\Draft) {5+}', 'APPEND "Dossier/Sous" {4+}', 'UID MOVE 1:* "Autre nom"', 'COPY 1 Dossier', 'STATUS "Dossier/Sous" (MESSAGES)',
];
const WORDS = ['(', ')', '"', '{5}', '{3+}', '*', '%', '[', ']', '<0.5>', 'NIL', '\\Seen', '1:*', '0', '4294967296', 'BODY[', 'UID', '\u0000', '\r', 'é', '""', '()', '((((((((', '\\'];

export { seededRandom } from '../../../testing/seeded-random.ts';

export function fuzzLine(random: () => number, index: number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const command = `f${index} ${pick(COMMANDS)}`;
  const kind = random();
  if (kind < 0.35) return command.slice(0, Math.floor(random() * (command.length + 1)));
  if (kind < 0.7) {
    const words = command.split(' ');
    const position = 1 + Math.floor(random() * words.length);
    words.splice(position, random() < 0.5 ? 1 : 0, pick(WORDS));
    return words.join(' ');
  }
  if (kind < 0.8) return command;
  let text = '';
  const length = Math.floor(random() * 120);
  for (let i = 0; i < length; i += 1) text += String.fromCharCode(random() < 0.1 ? Math.floor(random() * 32) : 32 + Math.floor(random() * 95));
  return text.replace(/\n/g, ' ');
}
