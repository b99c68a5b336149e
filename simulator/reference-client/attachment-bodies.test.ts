import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import nodemailer from 'nodemailer';
import { alwaysBase64, encodedBody, spliceBodies, standIn } from './attachment-bodies.ts';
import { renderMail, type MailOptions } from './outgoing-message.ts';

const direct = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });

/** Boundaries and the Date line differ from one rendering to the next; the rest must not. */
const comparable = (message: Buffer) => message.toString('latin1').replace(/_NmP-[0-9a-f]+-Part_/g, 'BOUNDARY').replace(/^Date: .*$/m, 'Date: -');

const mail = (attachments: MailOptions['attachments']): MailOptions => ({ from: 'paul.martin@ch-valbrume.mssante.fr', to: ['pharmacie.duparc@pharmacien.mssante.fr'], subject: 'Pièces jointes', text: 'Bonjour,\nci-joint.', textEncoding: 'quoted-printable', messageId: '<essai@ch-valbrume.mssante.fr>', headers: {}, ...(attachments ? { attachments } : {}) });

test('a message with attachments is byte for byte what nodemailer writes from the decoded bytes', async () => {
  // Sizes around the line length (57 bytes make one line of 76), empty, binary, text, a cut end.
  const contents = [Buffer.alloc(0), Buffer.from('x'), randomBytes(57), randomBytes(58), randomBytes(57 * 40), randomBytes(100_003)];
  const attachments: NonNullable<MailOptions['attachments']> = [
    ...contents.map((content, i) => ({ filename: `piece-${i}.bin`, contentType: 'application/octet-stream', contentBase64: content.toString('base64') })),
    { filename: 'compte rendu é.pdf', contentType: 'application/pdf', contentBase64: randomBytes(5000).toString('base64'), cutBytes: 16 },
    { filename: 'note.txt', contentType: 'text/plain; charset=utf-8', contentBase64: Buffer.from('Résultat : normal.\n').toString('base64') },
  ];
  const spliced = await renderMail(mail(attachments), { reuseEncodedBodies: true });
  const decoded = attachments.map(({ filename, contentType, contentBase64, cutBytes }) => {
    const bytes = Buffer.from(contentBase64, 'base64');
    return { filename, contentType, content: bytes.subarray(0, bytes.length - (cutBytes ?? 0)) };
  });
  const expected = (await direct.sendMail({ ...mail(undefined), attachments: decoded })).message as Buffer;
  assert.equal(comparable(spliced), comparable(expected));
});

test('a non-canonical base64 text (whitespace, missing padding) gives the canonical body', () => {
  const bytes = randomBytes(100);
  const loose = bytes.toString('base64').replace(/=+$/, '').replace(/(.{10})/g, '$1\n');
  assert.deepEqual(encodedBody(loose), encodedBody(bytes.toString('base64')));
  assert.equal(encodedBody(loose).toString('latin1').replaceAll('\r\n', ''), bytes.toString('base64'));
});

test('a large content is encoded once, then its body is reused; a small one is encoded each time', () => {
  const large = randomBytes(1024 * 1024).toString('base64');
  assert.equal(encodedBody(large), encodedBody(large));
  assert.notEqual(encodedBody(large, 16), encodedBody(large));
  const small = randomBytes(1000).toString('base64');
  assert.notEqual(encodedBody(small), encodedBody(small));
  assert.deepEqual(encodedBody(small), encodedBody(small));
});

test('many small documents sent in between do not push out a large content', () => {
  const large = randomBytes(1024 * 1024).toString('base64');
  const body = encodedBody(large);
  for (let i = 0; i < 50; i += 1) encodedBody(randomBytes(2000).toString('base64'));
  assert.equal(encodedBody(large), body);
});

test('only types nodemailer always writes in base64 take the shortcut', () => {
  assert.equal(alwaysBase64('application/pdf'), true);
  assert.equal(alwaysBase64('image/png'), true);
  assert.equal(alwaysBase64('Text/XML'), false);
  assert.equal(alwaysBase64('message/rfc822'), false);
  assert.equal(alwaysBase64('multipart/mixed'), false);
});

test('a stand-in missing from the rendered message, or there twice, is an error, not a silent drop', () => {
  const stand = standIn(Buffer.from('BODY'));
  assert.throws(() => spliceBodies(Buffer.from('nothing here'), [stand.replace]), /not found exactly once/);
  const twice = Buffer.concat([stand.replace.marker, Buffer.from('\r\n'), stand.replace.marker]);
  assert.throws(() => spliceBodies(twice, [stand.replace]), /not found exactly once/);
  assert.equal(spliceBodies(Buffer.concat([Buffer.from('a\r\n'), stand.replace.marker, Buffer.from('\r\nb')]), [stand.replace]).toString(), 'a\r\nBODY\r\nb');
});
