// A value quoted for a vendor-facing French message, with French quotation marks and shortened
// when long: « valeur ». Shared by the fixture problems and the ajv problems.

const MAX_LENGTH = 80;

export function quoted(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return `« ${text.length > MAX_LENGTH ? text.slice(0, MAX_LENGTH - 3) + '…' : text} »`;
}
