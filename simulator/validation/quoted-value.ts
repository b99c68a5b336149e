// A value quoted for a vendor-facing French message, with French quotation marks and shortened
// when long: « valeur ». Shared by the fixture problems and the ajv problems.

const MAX_LENGTH = 80;

export function quoted(value: unknown): string {
  const text = typeof value === 'string' ? value : serialised(value);
  return `« ${text.length > MAX_LENGTH ? text.slice(0, MAX_LENGTH - 3) + '…' : text} »`;
}

/** JSON for other values; a value too deep for JSON.stringify (inputs are depth-bounded, see bounded-json.ts) is not quoted whole. */
function serialised(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return Array.isArray(value) ? '[…]' : '{…}';
  }
}
