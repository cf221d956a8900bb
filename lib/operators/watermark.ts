// Watermark bounds. Flink uses Long.MIN_VALUE and Long.MAX_VALUE; Sluice's timestamps are
// JS numbers, so the bounds are -Infinity (no watermark yet) and +Infinity (end of event
// time: a finished source, or an input channel that reached its end). Both survive msgpack.

export const MIN_WATERMARK = Number.NEGATIVE_INFINITY;
export const MAX_WATERMARK = Number.POSITIVE_INFINITY;

/** Flink's WatermarkStatus: an idle input sends no watermarks and must not hold others back. */
export type WatermarkStatus = 'idle' | 'active';
