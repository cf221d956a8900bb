// The context a ProcessWindowFunction gets from the WindowOperator (Flink's
// WindowOperator.WindowContext): the window being evaluated, the times, per-window state in
// the window's namespace and the key's global state.
import type { OutputTag } from '../../functions/output-tag.ts';
import type { ProcessWindowFunctionContext } from '../../functions/process-window-function.ts';
import type { KeyedStateBackend } from '../../state/keyed-state-backend.ts';
import { DefaultKeyedStateStore, type KeyedStateStore } from '../../state/keyed-state-store.ts';
import type { ValueState } from '../../state/value-state.ts';
import type { ValueStateDescriptor } from '../../state/value-state-descriptor.ts';
import type { InternalTimerService } from '../../time/internal-timer-service.ts';
import type { Window } from '../../windowing/windows/window.ts';
import type { Output } from '../stream-operator.ts';
import { StreamRecord } from '../stream-record.ts';

export class WindowProcessContext<W extends Window> implements ProcessWindowFunctionContext<W> {
  private currentWindow?: W;
  private readonly perWindowState: KeyedStateStore;
  private readonly keyState: KeyedStateStore;

  constructor(
    backend: KeyedStateBackend<unknown>,
    private readonly timerService: InternalTimerService<W>,
    private readonly operatorOutput: Output<unknown>,
  ) {
    this.keyState = new DefaultKeyedStateStore(backend);
    this.perWindowState = new PerWindowStateStore(backend, () => this.window());
  }

  setWindow(window: W): this {
    this.currentWindow = window;
    return this;
  }

  window(): W {
    if (!this.currentWindow) throw new Error('ProcessWindowFunction: the context is used outside process() or clear()');
    return this.currentWindow;
  }

  currentProcessingTime(): number {
    return this.timerService.currentProcessingTime();
  }

  currentWatermark(): number {
    return this.timerService.currentWatermark();
  }

  windowState(): KeyedStateStore {
    return this.perWindowState;
  }

  globalState(): KeyedStateStore {
    return this.keyState;
  }

  /** A side-output record, stamped like the window's results with its last timestamp. */
  output<X>(outputTag: OutputTag<X>, value: X): void {
    this.operatorOutput.collectSide(outputTag, new StreamRecord(value, this.window().maxTimestamp()));
  }
}

/** Flink's PerWindowStateStore: the current key's state in the window being evaluated. */
class PerWindowStateStore implements KeyedStateStore {
  constructor(
    private readonly backend: KeyedStateBackend<unknown>,
    private readonly window: () => Window,
  ) {}

  getState<T>(descriptor: ValueStateDescriptor<T>): ValueState<T> {
    return this.backend.getPartitionedState(this.window(), descriptor);
  }
}
