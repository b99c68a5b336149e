// `{ key: value }` when the value is defined, `{}` otherwise (exactOptionalPropertyTypes).
export function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
