// HTTP routes of the professional webmail (the pharmacist's side, in the web UI). Every route is
// the webmail's server side acting as a real client of the simulator: it logs the mailbox in
// over IMAP and SMTP submission (webmail-login.ts) and answers JSON: the mailbox with bounces
// tied to sent messages, one message as text, an attachment, sending, the Annuaire Santé search
// while composing (REG-ANN-10) and the patient file it writes to patients from (MSS/va1.19).
import { addressKey } from '../../domain/address-key.ts';
import { findRecipients } from '../../reference-client/directory-search.ts';
import type { FindRecipientRequest } from '../../reference-client/client-driver.ts';
import type { RunningTrustSpace } from '../../trust-space/trust-space.ts';
import { apiErrors } from '../api-errors.ts';
import { attachmentDownload } from '../attachment-download.ts';
import { ApiError } from '../api-error.ts';
import { json } from '../http-response.ts';
import { RequestValidator } from '../request-validator.ts';
import type { RequestContext, Route } from '../route.ts';
import { pathParam } from '../routes/control-api-deps.ts';
import { textOf } from '../patient-app/readable-message.ts';
import { itemOf, listItems, MAX_PER_FOLDER, readFolders, readOne } from './webmail-folders.ts';
import type { PatientFileEntry, WebmailFolder, WebmailMailbox } from './webmail-types.ts';
import { WebmailLogins, type WebmailConnection } from './webmail-login.ts';
import { sendFromWebmail, type WebmailDraft } from './webmail-send.ts';

const KINDS = new Set(['practitioner', 'organisation', 'pharmacy']);

export function webmailRoutes(space: RunningTrustSpace, logins = new WebmailLogins(space), validator = new RequestValidator()): Route[] {
  const mailboxOf = (context: RequestContext) => {
    const address = addressKey(pathParam(context, 'address'));
    const mailbox = space.view().mailbox(address);
    if (!mailbox) throw apiErrors.unknownMailbox(address);
    return mailbox;
  };
  const connect = (context: RequestContext): WebmailConnection => {
    const mailbox = mailboxOf(context);
    if (mailbox.type === 'APP') throw apiErrors.webmailApplicativeMailbox(mailbox.address);
    return logins.connection(mailbox.address, context.query.get('auth') === 'password' ? 'password' : 'oauth2');
  };
  /** Runs the client's work; a refused login or a broken connection becomes a French 502 (and a new token next time). */
  const asClient = async <T>(connection: WebmailConnection, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof ApiError) throw error;
      connection.forget();
      const failure = error as { authenticationFailed?: boolean; responseText?: string; message?: string };
      throw apiErrors.webmailUnreachable(connection.user, failure.authenticationFailed ? `connexion refusée (${failure.responseText ?? 'authentification'})` : (failure.responseText ?? failure.message ?? String(error)));
    }
  };
  const message = async (context: RequestContext) => {
    const folder = folderParam(context);
    const uid = Number(pathParam(context, 'uid'));
    const connection = connect(context);
    const found = Number.isInteger(uid) && uid > 0 ? await asClient(connection, () => readOne(connection, folder, uid)) : undefined;
    if (!found) throw apiErrors.unknownMessage(`${folder}/${pathParam(context, 'uid')}`);
    return found;
  };
  return [
    {
      method: 'GET',
      path: '/api/webmail/{address}',
      handler: async (context) => {
        const mailbox = mailboxOf(context);
        const connection = connect(context);
        const reading = await asClient(connection, () => readFolders(connection));
        const answer: WebmailMailbox = { address: mailbox.address, displayName: mailbox.displayName, type: mailbox.type, items: listItems(reading.items), totals: reading.totals, listedAtMost: MAX_PER_FOLDER };
        return json(answer);
      },
    },
    {
      method: 'GET',
      path: '/api/webmail/{address}/messages/{folder}/{uid}',
      handler: async (context) => {
        const found = await message(context);
        return json({ ...itemOf(found), text: textOf(found.read.parsed) });
      },
    },
    {
      method: 'GET',
      path: '/api/webmail/{address}/messages/{folder}/{uid}/attachments/{index}',
      handler: async (context) => {
        const found = await message(context);
        const index = Number(pathParam(context, 'index'));
        const attachment = found.read.parsed.attachments[index];
        if (!attachment?.content) throw apiErrors.unknownDocument(pathParam(context, 'index'));
        return attachmentDownload(attachment.content, attachment.contentType, attachment.filename, index);
      },
    },
    {
      method: 'POST',
      path: '/api/webmail/{address}/messages',
      handler: async (context) => {
        const draft = validator.parseBody<WebmailDraft>(context, 'webmail-message');
        const connection = connect(context);
        const result = await asClient(connection, () => sendFromWebmail(connection, draft, (ins) => space.view().patient(ins)));
        return json(result, result.status === 'sent' ? 201 : 200);
      },
    },
    {
      method: 'GET',
      path: '/api/webmail/{address}/recipients',
      handler: async (context) => {
        const connection = connect(context);
        const query = (context.query.get('q') ?? '').trim();
        const kind = context.query.get('kind') ?? '';
        if (query.length < 2) return json([]);
        const request: FindRecipientRequest = { query, ...(KINDS.has(kind) ? { kind: kind as NonNullable<FindRecipientRequest['kind']> } : {}) };
        return json(await asClient(connection, () => findRecipients(connection.directory, request)));
      },
    },
    {
      method: 'GET',
      path: '/api/webmail/{address}/patients',
      handler: (context) => {
        mailboxOf(context);
        // The professional's patient file: identities as its software holds them (INS and status).
        return json(space.view().data.patients.map((p): PatientFileEntry => ({ ins: p.ins, firstName: p.identity.firstName, birthName: p.identity.birthName, birthDate: p.identity.birthDate, qualified: p.identity.qualified })));
      },
    },
  ];
}

function folderParam(context: RequestContext): WebmailFolder {
  const folder = pathParam(context, 'folder');
  if (folder !== 'inbox' && folder !== 'sent') throw apiErrors.unknownMessage(folder);
  return folder;
}
