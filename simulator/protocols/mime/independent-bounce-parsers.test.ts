// The simulator's avis de non-remise read by two bounce readers written by others, as a client's
// mail software or a mailing-list manager would read them: Sisimai (which classifies the reason)
// and Mail::DeliveryStatus::BounceParser (testing/read-bounces.pl; both installed from Debian by
// scripts/ensure-bounce-parsers.sh). Each must find every failed recipient of each avis, with its
// status, action and reason (the message over 25 Mo included), and tie it to the message sent
// (its Message-ID); an accusé de remise is a delivery, and the automatic reply of Mon espace
// santé's test address has no failed recipient, for either. Our own reader agreeing with our own
// writer proves little: these two were written from RFC 3464 and the bounces of real servers.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { processTempDir } from '../../cli/process-temp-dir.ts';
import { startTrustSpace } from '../../trust-space/start-trust-space.ts';
import { submitAs, type OutgoingMail } from '../../trust-space/testing/submit-as.ts';
import type { RunningTrustSpace } from '../../trust-space/trust-space.ts';

const READER = fileURLToPath(new URL('./testing/read-bounces.pl', import.meta.url));
const DR_MARTIN = { address: 'paul.martin@ch-valbrume.mssante.fr', password: 'test-paul-martin' };
const OPPOSED = '152114908701235@patient.mssante.fr';
const CLOSED = '238067218103339@patient.mssante.fr';
const INVALID_KEY = '1234567890123@patient.mssante.fr';
const UNKNOWN_MAILBOX = 'inconnu.xyz@ch-valbrume.mssante.fr';
const AUTOMATIC_REPLY = 'reponse.automatique-test@patient.mssante.fr';
const LOUISE = '284034912304586@patient.mssante.fr';
/** Over Mon espace santé's 25 Mo once in base64 (about 26.7 MB), under the SMTP limit. */
const LARGE_ATTACHMENT = { filename: 'examens.bin', contentType: 'application/octet-stream', content: Buffer.alloc(20 * 1024 * 1024, 0x5a) };

interface Read {
  readonly file: string;
  readonly parser: 'sisimai' | 'bounceparser';
  readonly recipient?: string;
  readonly reason?: string;
  readonly status?: string;
  readonly action?: string;
  readonly messageid?: string;
  readonly isBounce?: boolean;
  readonly count?: number;
}

let space: RunningTrustSpace;
const folder = processTempDir('mss-bounce-parsers-');

before(async () => {
  space = await startTrustSpace({ dataDir: folder });
});
after(() => space.stop());

/** Sends one message from Dr Martin and returns the file of what came back to him, and the Message-ID sent. */
async function sentAndAnswered(name: string, to: readonly string[], more: Partial<OutgoingMail> = {}): Promise<{ file: string; messageId: string }> {
  const before = space.store.list(DR_MARTIN.address, { folder: 'INBOX' }).length;
  const sent = await submitAs(space, DR_MARTIN, { to, subject: `Cas ${name}`, text: 'Bonjour.', ...more });
  assert.ok(sent.accepted, sent.accepted ? '' : sent.response);
  await space.settled();
  const answers = space.store.list(DR_MARTIN.address, { folder: 'INBOX' }).slice(before);
  assert.equal(answers.length, 1, `one message back for ${name}`);
  const file = join(folder, `${name}.eml`);
  writeFileSync(file, answers[0]!.raw);
  return { file, messageId: sent.messageId.replace(/^<|>$/g, '') };
}

async function readWithBoth(files: readonly string[]): Promise<Read[]> {
  const perl = await promisify(execFile)('perl', [READER, ...files], { maxBuffer: 16 * 1024 * 1024 }).catch((error: unknown) => {
    const stderr = (error as { stderr?: string }).stderr ?? String(error);
    if (/Can't locate (Sisimai|Mail\/DeliveryStatus)/.test(stderr)) assert.fail(`Lecteurs d'avis de non-remise absents : lancez « sh scripts/ensure-bounce-parsers.sh » (paquets Debian libsisimai-perl et libmail-deliverystatus-bounceparser-perl).\n${stderr}`);
    throw error;
  });
  return perl.stdout.trim().split('\n').map((line) => JSON.parse(line) as Read);
}

test('Sisimai and BounceParser read each avis de non-remise: every failed recipient, its status, action and reason, tied to the message sent', async () => {
  const cases = {
    opposed: await sentAndAnswered('oppose', [OPPOSED]),
    invalid: await sentAndAnswered('ins-invalide', [INVALID_KEY]),
    closed: await sentAndAnswered('cloture', [CLOSED]),
    unknown: await sentAndAnswered('boite-inconnue', [UNKNOWN_MAILBOX]),
    three: await sentAndAnswered('trois-destinataires', [CLOSED, OPPOSED, INVALID_KEY]),
    tooLarge: await sentAndAnswered('plus-de-25-mo', [LOUISE], { attachments: [LARGE_ATTACHMENT] }),
    receipt: await sentAndAnswered('accuse-de-remise', [LOUISE], { notify: ['success'] }),
    automatic: await sentAndAnswered('reponse-automatique', [AUTOMATIC_REPLY]),
  };
  const read = await readWithBoth(Object.values(cases).map((c) => c.file));
  const found = (name: keyof typeof cases, parser: Read['parser']) =>
    read.filter((r) => r.file === cases[name].file && r.parser === parser).map(({ recipient, status, action, reason, messageid }) => ({ recipient, status, action, reason, messageid }));
  const failed = (recipient: string, status: string, reason: string, messageid: string) => ({ recipient, status, action: 'failed', reason, messageid });

  // Sisimai: RFC 3464 recipients and its classification of the status (5.1.x: userunknown,
  // 5.2.1 "mailbox disabled": filtered, 5.3.4: mesgtoobig); the Message-ID sent, without brackets.
  assert.deepEqual(found('opposed', 'sisimai'), [failed(OPPOSED, '5.1.1', 'userunknown', cases.opposed.messageId)]);
  assert.deepEqual(found('invalid', 'sisimai'), [failed(INVALID_KEY, '5.1.3', 'userunknown', cases.invalid.messageId)]);
  assert.deepEqual(found('closed', 'sisimai'), [failed(CLOSED, '5.2.1', 'filtered', cases.closed.messageId)]);
  assert.deepEqual(found('unknown', 'sisimai'), [failed(UNKNOWN_MAILBOX, '5.1.1', 'userunknown', cases.unknown.messageId)]);
  assert.deepEqual(found('tooLarge', 'sisimai'), [failed(LOUISE, '5.3.4', 'mesgtoobig', cases.tooLarge.messageId)]);
  assert.deepEqual(found('three', 'sisimai'), [
    failed(CLOSED, '5.2.1', 'filtered', cases.three.messageId),
    failed(OPPOSED, '5.1.1', 'userunknown', cases.three.messageId),
    failed(INVALID_KEY, '5.1.3', 'userunknown', cases.three.messageId),
  ]);

  // BounceParser: its standard reasons (none for 5.1.3; 5.3.4 counted with the full mailboxes),
  // the Message-ID with brackets.
  const bracketed = (id: string) => `<${id}>`;
  assert.deepEqual(found('opposed', 'bounceparser'), [failed(OPPOSED, '5.1.1', 'user_unknown', bracketed(cases.opposed.messageId))]);
  assert.deepEqual(found('invalid', 'bounceparser'), [failed(INVALID_KEY, '5.1.3', 'unknown', bracketed(cases.invalid.messageId))]);
  assert.deepEqual(found('closed', 'bounceparser'), [failed(CLOSED, '5.2.1', 'user_disabled', bracketed(cases.closed.messageId))]);
  assert.deepEqual(found('unknown', 'bounceparser'), [failed(UNKNOWN_MAILBOX, '5.1.1', 'user_unknown', bracketed(cases.unknown.messageId))]);
  assert.deepEqual(found('tooLarge', 'bounceparser'), [failed(LOUISE, '5.3.4', 'over_quota', bracketed(cases.tooLarge.messageId))]);
  assert.deepEqual(found('three', 'bounceparser'), [
    failed(CLOSED, '5.2.1', 'user_disabled', bracketed(cases.three.messageId)),
    failed(OPPOSED, '5.1.1', 'user_unknown', bracketed(cases.three.messageId)),
    failed(INVALID_KEY, '5.1.3', 'unknown', bracketed(cases.three.messageId)),
  ]);
  for (const r of read.filter((r) => r.parser === 'bounceparser' && r.file !== cases.automatic.file && r.file !== cases.receipt.file)) assert.equal(r.isBounce, true, r.file);

  // The accusé de remise (NOTIFY=SUCCESS) is a delivery: Sisimai reads it as « delivered », 2.0.0;
  // for BounceParser it is no bounce.
  assert.deepEqual(found('receipt', 'sisimai'), [{ recipient: LOUISE, status: '2.0.0', action: 'delivered', reason: 'delivered', messageid: cases.receipt.messageId }]);
  assert.deepEqual(read.filter((r) => r.file === cases.receipt.file && r.parser === 'bounceparser').map(({ isBounce, count }) => ({ isBounce, count })), [{ isBounce: false, count: 0 }]);

  // The automatic reply is an answer, not a failure: Sisimai recognises an automatic reply
  // (« vacation », from Auto-Submitted: auto-replied, RFC 3834) and no failed recipient;
  // BounceParser, whose automatic-reply detection looks for English words in the text, finds no
  // failed recipient either.
  assert.deepEqual(read.filter((r) => r.file === cases.automatic.file).map(({ parser, recipient, reason, status, count }) => ({ parser, recipient, reason, status, count })), [
    { parser: 'sisimai', recipient: AUTOMATIC_REPLY, reason: 'vacation', status: '', count: undefined },
    { parser: 'bounceparser', recipient: undefined, reason: undefined, status: undefined, count: 0 },
  ]);
});
