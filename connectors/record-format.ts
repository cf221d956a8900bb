// How sinks render a record as text, following Flink's toString conventions: strings as
// they are, tuples (arrays) as "(to,2)", objects with their own toString through it,
// other objects as JSON, everything else through String().

export function formatRecord(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return `(${value.map(formatRecord).join(',')})`;
  if (typeof value === 'object' && value !== null) {
    return value.toString !== Object.prototype.toString ? String(value) : JSON.stringify(value);
  }
  return String(value);
}

/** Flink's print prefix: "id:3> " with an identifier, "3> " when parallel, "" for a single plain sink. */
export function printPrefix(sinkIdentifier: string, subtaskIndex: number, parallelism: number): string {
  let prefix = sinkIdentifier;
  if (parallelism > 1) prefix += `${sinkIdentifier ? ':' : ''}${subtaskIndex + 1}`;
  return prefix ? `${prefix}> ` : '';
}
