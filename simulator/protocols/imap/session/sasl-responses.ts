// Decoding of SASL client responses (RFC 4422): base64 (RFC 3501 §6.2.2, `=` for an empty
// initial response, RFC 4959 §3), PLAIN (RFC 4616: authzid NUL authcid NUL password) and
// XOAUTH2 (Google's format, SC.MSS/CONF.07: `user=<address>^Aauth=Bearer <token>^A^A`).
export interface PlainCredentials {
  readonly authzid: string;
  readonly authcid: string;
  readonly password: string;
}

export interface Xoauth2Credentials {
  readonly user: string;
  readonly token: string;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The decoded bytes, or undefined when the text is not base64. */
export function decodeSaslResponse(text: string): Buffer | undefined {
  if (text === '=') return Buffer.alloc(0);
  return BASE64.test(text) ? Buffer.from(text, 'base64') : undefined;
}

export function parsePlain(bytes: Buffer): PlainCredentials | undefined {
  const fields = bytes.toString('utf8').split('\u0000');
  if (fields.length !== 3) return undefined;
  const [authzid, authcid, password] = fields as [string, string, string];
  return authcid.length > 0 ? { authzid, authcid, password } : undefined;
}

export function parseXoauth2(bytes: Buffer): Xoauth2Credentials | undefined {
  const fields = bytes.toString('utf8').split('\u0001');
  let user: string | undefined;
  let token: string | undefined;
  for (const field of fields) {
    if (field.startsWith('user=')) user = field.slice(5);
    else if (/^auth=Bearer /i.test(field)) token = field.slice(12).trim();
  }
  return user && token ? { user, token } : undefined;
}

/** Google's XOAUTH2 error challenge (https://developers.google.com/gmail/imap/xoauth2-protocol), base64 JSON. */
export function xoauth2Challenge(status: '400' | '401'): string {
  return Buffer.from(JSON.stringify({ status, schemes: 'bearer', scope: 'openid' })).toString('base64');
}
