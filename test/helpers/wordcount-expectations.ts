// What WordCount must count, computed independently of the engine, and the final count
// per word read off its rolling output lines such as "3> (to,2)".
export function expectedCounts(lines: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of lines) {
    for (const word of line.toLowerCase().split(/\W+/)) if (word) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return counts;
}

export function finalCounts(output: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const match of output.matchAll(/^(?:\d+> )?\(([^,()]+),(\d+)\)$/gm)) {
    counts.set(match[1]!, Math.max(counts.get(match[1]!) ?? 0, Number(match[2])));
  }
  return counts;
}
