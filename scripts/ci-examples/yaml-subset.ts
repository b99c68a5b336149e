// A reader for the small subset of YAML the CI examples use (block maps and sequences, `- key:`
// items, `|` block scalars, `[a, b]` flow sequences, quoted and plain scalars, comments), so that a
// test can run their steps without a YAML dependency. Anything else is a YamlSubsetError.
export type YamlValue = string | YamlValue[] | { [key: string]: YamlValue };

export class YamlSubsetError extends Error {
  readonly code = 'MSS_SIM_YAML_SUBSET';
}

interface Line {
  indent: number;
  text: string;
}

const KEY = /^([A-Za-z0-9_.$-]+):(?:\s+(.*))?$/;

export function parseYamlSubset(source: string): YamlValue {
  const lines: (Line | undefined)[] = source.split('\n').map((raw) => {
    const text = raw.trimStart();
    return text === '' || text.startsWith('#') ? undefined : { indent: raw.length - text.length, text: text.trimEnd() };
  });
  const raws = source.split('\n');
  let i = 0;
  const peek = (): Line | undefined => {
    while (i < lines.length && lines[i] === undefined) i += 1;
    return lines[i];
  };

  function block(minIndent: number): YamlValue {
    const first = peek();
    if (!first || first.indent < minIndent) return '';
    return first.text === '-' || first.text.startsWith('- ') ? sequence(first.indent) : map(first.indent);
  }

  function map(indent: number): YamlValue {
    const result: { [key: string]: YamlValue } = {};
    for (let line = peek(); line && line.indent === indent && !line.text.startsWith('-'); line = peek()) {
      const match = KEY.exec(line.text);
      if (!match) throw new YamlSubsetError(`line ${i + 1}: expected "key: value", got ${line.text}`);
      i += 1;
      const rest = match[2];
      result[match[1] as string] = rest === undefined ? block(indent + 1) : rest === '|' ? blockScalar(indent) : scalar(rest);
    }
    return result;
  }

  function sequence(indent: number): YamlValue {
    const result: YamlValue[] = [];
    for (let line = peek(); line && line.indent === indent && (line.text === '-' || line.text.startsWith('- ')); line = peek()) {
      const content = line.text.slice(1).trimStart();
      if (content === '') {
        i += 1;
        result.push(block(indent + 1));
      } else if (KEY.test(content)) {
        // `- key: value`: a map whose first entry sits on the dash line.
        lines[i] = { indent: indent + 2, text: content };
        result.push(map(indent + 2));
      } else {
        i += 1;
        result.push(scalar(content));
      }
    }
    return result;
  }

  function blockScalar(indent: number): string {
    const body: string[] = [];
    while (i < raws.length && (lines[i] === undefined || (lines[i] as Line).indent > indent)) body.push(raws[i++] as string);
    while (body.length > 0 && (body.at(-1) as string).trim() === '') body.pop();
    const margin = Math.min(...body.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length));
    return body.map((l) => l.slice(margin)).join('\n') + '\n';
  }

  const value = block(0);
  if (peek()) throw new YamlSubsetError(`line ${i + 1}: unexpected indentation`);
  return value;
}

function scalar(text: string): YamlValue {
  if (text.startsWith('"')) return JSON.parse(text) as string;
  if (text.startsWith("'")) return text.slice(1, -1).replaceAll("''", "'");
  const plain = text.replace(/\s+#.*$/, '');
  if (plain.startsWith('[')) return (plain.slice(1, -1).match(/"(?:[^"\\]|\\.)*"|'[^']*'|[^,\s][^,]*/g) ?? []).map((item) => scalar(item.trim()));
  if (plain.startsWith('{')) throw new YamlSubsetError(`flow maps are not supported: ${text}`);
  return plain;
}
