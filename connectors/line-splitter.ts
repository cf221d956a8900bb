// Splits a stream of text chunks into lines, pulling the next chunk only when the consumer
// asks for the next line (so a backpressured source stops reading its input).

export async function* splitLines(chunks: AsyncIterable<string>, delimiter: string): AsyncGenerator<string> {
  if (delimiter === '') throw new Error('line splitter: the delimiter must not be empty');
  // As Flink does for '\n', a trailing '\r' (Windows line ends) is not part of the line.
  const strip = delimiter === '\n' ? (line: string) => (line.endsWith('\r') ? line.slice(0, -1) : line) : (line: string) => line;
  let pending = '';
  for await (const chunk of chunks) {
    pending += chunk;
    let start = 0;
    for (let end = pending.indexOf(delimiter); end !== -1; end = pending.indexOf(delimiter, start)) {
      yield strip(pending.slice(start, end));
      start = end + delimiter.length;
    }
    pending = pending.slice(start);
  }
  if (pending !== '') yield strip(pending);
}
