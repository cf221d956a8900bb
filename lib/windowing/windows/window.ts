// Flink's Window: a bucket of elements. The window operator keeps each window's contents in
// keyed state with the window as namespace, so windows are plain data compared by value.

export abstract class Window {
  /** The largest timestamp that still belongs to this window. */
  abstract maxTimestamp(): number;
}
