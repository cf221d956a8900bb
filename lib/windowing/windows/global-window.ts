// Flink's GlobalWindow: the one window of GlobalWindows, holding every element of its key.
// It never ends, so only a custom trigger (e.g. CountTrigger) fires it.
import { addExtension } from 'msgpackr';
import { MAX_WATERMARK } from '../../operators/watermark.ts';
import { Window } from './window.ts';

export class GlobalWindow extends Window {
  private static readonly INSTANCE = new GlobalWindow();

  private constructor() {
    super();
  }

  static get(): GlobalWindow {
    return GlobalWindow.INSTANCE;
  }

  maxTimestamp(): number {
    return MAX_WATERMARK;
  }

  toString(): string {
    return 'GlobalWindow';
  }
}

// As TimeWindow's: a snapshot gives the one GlobalWindow back.
addExtension({ Class: GlobalWindow, type: 0x47, write: () => 0, read: () => GlobalWindow.get() });
