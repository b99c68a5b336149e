// Response texts on the wire. RFC 3501 §9: `text` is 1*TEXT-CHAR, and CHAR is 7-bit, so the
// French texts of the catalogue (written with accents, readable) and the authenticator's
// messages are sent without diacritics; guillemets become straight quotes. A text never starts
// with `[` (it would read as a response code).
export function imapText(text: string): string {
  const plain = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/«\s*/g, '"')
    .replace(/\s*»/g, '"')
    .replace(/[“”]/g, '"')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/…/g, '...')
    .replace(/œ/g, 'oe')
    .replace(/Œ/g, 'OE')
    .replace(/\s+/g, ' ')
    .replace(/[^\x20-\x7e]/g, '?')
    .trim();
  return plain.startsWith('[') ? ` ${plain}` : plain || 'OK';
}
