// Text content and attribute values for the XML the simulator publishes (XML 1.0 §2.2, §2.4):
// the five special characters escaped, characters XML 1.0 cannot carry removed.

const SPECIAL: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export function xmlText(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => SPECIAL[c] ?? c);
}
