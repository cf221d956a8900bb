// Flink's MergingWindowSet: for merging windows (sessions), which window each in-flight window
// keeps its contents under. When windows merge, the contents stay under one of the merged
// windows' state windows, so merging moves the smaller contents only, and a window's state
// namespace never changes while it grows. The mapping is keyed state of the current key
// (not a map of the operator), so it is checkpointed with its key group.
import { keyIdentity } from '../../exchange/key-groups.ts';
import type { ValueState } from '../../state/value-state.ts';
import type { MergingWindowAssigner } from '../../windowing/assigners/window-assigner.ts';
import type { Window } from '../../windowing/windows/window.ts';

/** In-flight windows and their state windows, as the keyed state holds them. */
export type MergingWindowMapping<W> = Array<[window: W, stateWindow: W]>;

/**
 * Called when windows merge into `mergeResult`: `mergedWindows` are the windows that went (not
 * the new window), `stateWindowResult` the state window the result keeps, and
 * `mergedStateWindows` the state windows whose contents must move into it.
 */
export type MergeFunction<W> = (mergeResult: W, mergedWindows: W[], stateWindowResult: W, mergedStateWindows: W[]) => void;

interface Entry<W> {
  readonly window: W;
  readonly stateWindow: W;
}

export class MergingWindowSet<W extends Window> {
  /** By window identity (windows are compared by value). */
  private readonly mapping = new Map<unknown, Entry<W>>();
  private changed = false;

  constructor(
    private readonly windowAssigner: Pick<MergingWindowAssigner<unknown, W>, 'mergeWindows'>,
    private readonly state: ValueState<MergingWindowMapping<W>>,
  ) {
    for (const [window, stateWindow] of state.value() ?? []) this.mapping.set(keyIdentity(window), { window, stateWindow });
  }

  /** Writes the mapping back to the keyed state, if it changed. */
  persist(): void {
    if (!this.changed) return;
    this.state.update(this.mapping.size === 0 ? null : [...this.mapping.values()].map(({ window, stateWindow }) => [window, stateWindow]));
    this.changed = false;
  }

  /** The state window of an in-flight window; undefined for a window that was merged away or purged. */
  getStateWindow(window: W): W | undefined {
    return this.mapping.get(keyIdentity(window))?.stateWindow;
  }

  /** Forgets a window whose contents were purged for good. */
  retireWindow(window: W): void {
    if (!this.mapping.delete(keyIdentity(window))) throw new Error(`Window ${window} is not in in-flight window set.`);
    this.changed = true;
  }

  /**
   * Adds a new window and merges it with in-flight windows as the assigner decides; returns
   * the window it ended up in (the new one, or a merge result). `mergeFunction` moves state.
   */
  addWindow(newWindow: W, mergeFunction: MergeFunction<W>): W {
    const newId = keyIdentity(newWindow);
    const windows = [...this.mapping.values()].map((entry) => entry.window);
    windows.push(newWindow);
    const mergeResults: Array<[mergeResult: W, mergedWindows: W[]]> = [];
    this.windowAssigner.mergeWindows(windows, (toBeMerged, mergeResult) => mergeResults.push([mergeResult, toBeMerged]));

    let resultWindow = newWindow;
    let mergedNewWindow = false;
    for (const [mergeResult, mergedWindows] of mergeResults) {
      const resultId = keyIdentity(mergeResult);
      const newAt = mergedWindows.findIndex((window) => keyIdentity(window) === newId);
      if (newAt >= 0) {
        mergedWindows.splice(newAt, 1);
        mergedNewWindow = true;
        resultWindow = mergeResult;
      }
      // The merge result keeps the state window of one of the windows that were in flight.
      const stateWindowResult = this.mapping.get(keyIdentity(mergedWindows[0]))!.stateWindow;
      const stateWindowResultId = keyIdentity(stateWindowResult);
      const mergedStateWindows: W[] = [];
      for (const window of mergedWindows) {
        const id = keyIdentity(window);
        const entry = this.mapping.get(id);
        if (!entry) continue;
        this.mapping.delete(id);
        if (keyIdentity(entry.stateWindow) !== stateWindowResultId) mergedStateWindows.push(entry.stateWindow);
      }
      this.mapping.set(resultId, { window: mergeResult, stateWindow: stateWindowResult });
      this.changed = true;
      // An in-flight window that only absorbed the new window, without growing, has nothing to merge.
      const absorbedOnly = mergedWindows.length === 1 && keyIdentity(mergedWindows[0]) === resultId;
      if (!absorbedOnly) mergeFunction(mergeResult, mergedWindows, stateWindowResult, mergedStateWindows);
    }
    // The new window merged with nothing: it is its own state window.
    if (mergeResults.length === 0 || (resultWindow === newWindow && !mergedNewWindow)) {
      this.mapping.set(newId, { window: newWindow, stateWindow: newWindow });
      this.changed = true;
    }
    return resultWindow;
  }

  toString(): string {
    return `MergingWindowSet{windows=${[...this.mapping.values()].map(({ window, stateWindow }) => `${window} -> ${stateWindow}`).join(', ')}}`;
  }
}
