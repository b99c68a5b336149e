import { test } from 'node:test';
import assert from 'node:assert/strict';
import { wireBytes } from '../protocol/wire-builder.ts';
import { MessageFacts } from './message-facts.ts';
import { NESTED } from './testing-messages.ts';

// Sizes checked by hand: the text part is `Bonjour,` CRLF `pr=C3=A9parez le traitement.` (8 + 2 + 28),
// the attached message 34 + 16 + 2 + 10 octets in 4 lines.
test('BODYSTRUCTURE of nested parts: sizes, lines, envelope of the attached message, extensions', () => {
  const facts = new MessageFacts(NESTED);
  assert.equal(
    wireBytes(facts.bodyStructure(true)).toString(),
    '(("text" "plain" ("charset" "utf-8") NIL NIL "QUOTED-PRINTABLE" 38 2 NIL NIL NIL NIL)' +
      '(("text" "html" ("charset" "utf-8") NIL NIL "7BIT" 8 1 NIL NIL NIL NIL) "alternative" ("boundary" "inner") NIL NIL NIL)' +
      '("message" "rfc822" NIL NIL NIL "7BIT" 62 (NIL "inner" ((NIL NIL "patient" "patient.mssante.fr")) ((NIL NIL "patient" "patient.mssante.fr")) ((NIL NIL "patient" "patient.mssante.fr")) NIL NIL NIL NIL NIL) ' +
      '("text" "plain" ("charset" "us-ascii") NIL NIL "7BIT" 10 1 NIL NIL NIL NIL) 4 NIL ("attachment" ("filename" "ordonnance.eml")) NIL NIL)' +
      ' "mixed" ("boundary" "outer") NIL NIL NIL)',
  );
  assert.equal(
    wireBytes(facts.bodyStructure(false)).toString(),
    '(("text" "plain" ("charset" "utf-8") NIL NIL "QUOTED-PRINTABLE" 38 2)(("text" "html" ("charset" "utf-8") NIL NIL "7BIT" 8 1) "alternative")' +
      '("message" "rfc822" NIL NIL NIL "7BIT" 62 (NIL "inner" ((NIL NIL "patient" "patient.mssante.fr")) ((NIL NIL "patient" "patient.mssante.fr")) ((NIL NIL "patient" "patient.mssante.fr")) NIL NIL NIL NIL NIL) ' +
      '("text" "plain" ("charset" "us-ascii") NIL NIL "7BIT" 10 1) 4) "mixed")',
  );
});

test('messages with bare LF are served with CRLF, and RFC822.SIZE counts what is sent', () => {
  const facts = new MessageFacts(Buffer.from('Subject: x\n\nline 1\nline 2\n'));
  assert.equal(facts.raw.toString(), 'Subject: x\r\n\r\nline 1\r\nline 2\r\n');
  assert.equal(facts.size, 30);
  const crlf = Buffer.from('Subject: x\r\n\r\nbody\r\n');
  assert.equal(new MessageFacts(crlf).raw, crlf);
});
