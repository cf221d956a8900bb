// Java's .properties format, as Flink's ParameterTool reads and writes it: `key=value`,
// `key: value` or `key value` per logical line, `#` and `!` comments, a trailing backslash
// continuing a line, and backslash escapes (\t \n \r \f \uXXXX).

const escapes: Record<string, string> = { t: '\t', n: '\n', r: '\r', f: '\f' };

function unescape(text: string): string {
  return text.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, escaped: string) =>
    escaped.length === 5 ? String.fromCharCode(parseInt(escaped.slice(1), 16)) : (escapes[escaped] ?? escaped));
}

/** Whether a line ends in an odd number of backslashes, so the next one continues it. */
const continues = (line: string) => (/\\+$/.exec(line)?.[0].length ?? 0) % 2 === 1;

function logicalLines(text: string): string[] {
  const lines: string[] = [];
  let pending: string | undefined;
  for (const natural of text.split(/\r\n|\r|\n/)) {
    const line = pending === undefined ? natural.trimStart() : pending + natural.trimStart();
    if (pending === undefined && (line === '' || line.startsWith('#') || line.startsWith('!'))) continue;
    if (continues(line)) {
      pending = line.slice(0, -1);
    } else {
      lines.push(line);
      pending = undefined;
    }
  }
  if (pending !== undefined) lines.push(pending);
  return lines;
}

export function parseProperties(text: string): Map<string, string> {
  const properties = new Map<string, string>();
  for (const line of logicalLines(text)) {
    // The key runs to the first separator not escaped: '=', ':' or whitespace.
    const match = /^((?:\\.|[^=:\s\\])*)\s*[=:]?\s*(.*)$/s.exec(line)!;
    properties.set(unescape(match[1]!), unescape(match[2]!));
  }
  return properties;
}

function escape(text: string, isKey: boolean): string {
  let escaped = text.replace(/[\\\t\n\r\f]/g, (c) => (c === '\\' ? '\\\\' : `\\${Object.keys(escapes).find((k) => escapes[k] === c)}`));
  escaped = escaped.replace(/[=:#!]/g, (c) => `\\${c}`);
  return isKey ? escaped.replace(/ /g, '\\ ') : escaped.replace(/^ /, '\\ ');
}

/** The file Java's Properties.store writes: the comment and the date as comments, then `key=value` lines. */
export function formatProperties(properties: ReadonlyMap<string, string>, comment: string): string {
  const lines = [`#${comment}`, `#${new Date().toString()}`];
  for (const [key, value] of properties) lines.push(`${escape(key, true)}=${escape(value, false)}`);
  return `${lines.join('\n')}\n`;
}
