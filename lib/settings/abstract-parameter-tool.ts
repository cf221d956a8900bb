// What Flink's ParameterTool and MultipleParameterTool share (its AbstractParameterTool): the
// typed getters, required keys, the record of keys asked for (with their defaults, for
// createPropertiesFile) and of keys never asked for, and how `--key value` arguments read.
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { GlobalJobParameters } from './global-job-parameters.ts';
import { formatProperties } from './properties-format.ts';

export const NO_VALUE_KEY = '__NO_VALUE_KEY';
export const DEFAULT_UNDEFINED = '<undefined>';

/** Java's Arrays.toString, which Flink's argument errors quote. */
const listed = (args: readonly string[]) => `[${args.join(', ')}]`;

/** Java's NumberUtils.isNumber, enough to tell a negative number from a key. */
const isNumber = (value: string) => /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value);

/**
 * Each `--key value` or `-key value` pair of `args`, in order; a key followed by another key,
 * or by nothing, is a flag (NO_VALUE_KEY). A negative number is a value, not a key.
 */
export function forEachArgument(args: readonly string[], onPair: (key: string, value: string) => void): void {
  let i = 0;
  while (i < args.length) {
    const arg = args[i]!;
    const key = arg.startsWith('--') ? arg.slice(2) : arg.startsWith('-') ? arg.slice(1) : undefined;
    if (key === undefined) throw new Error(`Error parsing arguments '${listed(args)}' on '${arg}'. Please prefix keys with -- or -.`);
    if (key === '') throw new Error(`The input ${listed(args)} contains an empty argument`);
    i += 1;
    const next = args[i];
    if (next === undefined || (!isNumber(next) && next.startsWith('-'))) {
      onPair(key, NO_VALUE_KEY);
    } else {
      onPair(key, next);
      i += 1;
    }
  }
}

export abstract class AbstractParameterTool extends GlobalJobParameters {
  static readonly NO_VALUE_KEY = NO_VALUE_KEY;
  static readonly DEFAULT_UNDEFINED = DEFAULT_UNDEFINED;

  /** The keys asked for with their defaults, for createPropertiesFile. */
  private readonly defaultData = new Map<string, string>();
  protected readonly unrequestedParameters: Set<string>;

  protected constructor(keys: Iterable<string>) {
    super();
    this.unrequestedParameters = new Set(keys);
  }

  abstract getNumberOfParameters(): number;

  /** The one value of `key`, or null. */
  protected abstract valueOf(key: string): string | null;

  protected abstract hasKey(key: string): boolean;

  protected abstract keys(): Iterable<string>;

  /** `merged`, from this tool and `others`, asks for no key again that one of them had asked for. */
  protected carryRequestsInto<T extends AbstractParameterTool>(merged: T, ...others: AbstractParameterTool[]): T {
    for (const source of [this, ...others]) {
      for (const key of source.keys()) if (!source.unrequestedParameters.has(key)) merged.unrequestedParameters.delete(key);
    }
    return merged;
  }

  /** The value of `key`, else `defaultValue` (null when none is given). */
  get(key: string): string | null;
  get(key: string, defaultValue: string): string;
  get(key: string, defaultValue?: string): string | null {
    this.addToDefaults(key, defaultValue);
    this.unrequestedParameters.delete(key);
    return this.valueOf(key) ?? defaultValue ?? null;
  }

  /** The value of `key`; an error names the key when there is none. */
  getRequired(key: string): string {
    const value = this.get(key);
    if (value === null) throw new Error(`No data for required key '${key}'`);
    return value;
  }

  has(key: string): boolean {
    this.addToDefaults(key, undefined);
    this.unrequestedParameters.delete(key);
    return this.hasKey(key);
  }

  /** A 32-bit integer; with no default, the key is required. */
  getInt(key: string, defaultValue?: number): number {
    return this.getInteger(key, defaultValue, 'an int', -(2 ** 31), 2 ** 31 - 1);
  }

  /** An integer a JavaScript number holds exactly (|n| < 2^53); with no default, the key is required. */
  getLong(key: string, defaultValue?: number): number {
    return this.getInteger(key, defaultValue, 'a long', Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  }

  getShort(key: string, defaultValue?: number): number {
    return this.getInteger(key, defaultValue, 'a short', -(2 ** 15), 2 ** 15 - 1);
  }

  getByte(key: string, defaultValue?: number): number {
    return this.getInteger(key, defaultValue, 'a byte', -128, 127);
  }

  /** A decimal number (Flink's getFloat and getDouble); with no default, the key is required. */
  getDouble(key: string, defaultValue?: number): number {
    return this.getNumber(key, defaultValue, 'a number', (value) => (isNumber(value) ? Number(value) : undefined));
  }

  getFloat(key: string, defaultValue?: number): number {
    return this.getDouble(key, defaultValue);
  }

  /** True only for "true" in any case, as Java's Boolean.valueOf; with no default, the key is required. */
  getBoolean(key: string, defaultValue?: boolean): boolean {
    const value = defaultValue === undefined ? this.getRequired(key) : this.get(key, String(defaultValue));
    return value.toLowerCase() === 'true';
  }

  /** The keys no getter or `has` asked for yet. */
  getUnrequestedParameters(): Set<string> {
    return new Set(this.unrequestedParameters);
  }

  /** Writes the keys asked for so far, with their defaults (`<undefined>` where none), as a properties file. */
  createPropertiesFile(path: string, overwrite = true): void {
    if (existsSync(path)) {
      if (!overwrite) throw new Error(`File ${path} exists and overwriting is not allowed`);
      rmSync(path);
    }
    writeFileSync(path, formatProperties(this.defaultData, "Default file created by Flink's ParameterUtil.createPropertiesFile()"));
  }

  private getInteger(key: string, defaultValue: number | undefined, kind: string, min: number, max: number): number {
    return this.getNumber(key, defaultValue, kind, (value) => {
      const parsed = /^[+-]?\d+$/.test(value) ? Number(value) : undefined;
      return parsed !== undefined && parsed >= min && parsed <= max ? parsed : undefined;
    });
  }

  private getNumber(key: string, defaultValue: number | undefined, kind: string, parse: (value: string) => number | undefined): number {
    const value = defaultValue === undefined ? this.getRequired(key) : this.get(key, String(defaultValue));
    if (!this.hasKey(key)) return defaultValue!;
    const parsed = parse(value.trim());
    if (parsed === undefined) throw new Error(`ParameterTool: the value '${value}' of key '${key}' is not ${kind}`);
    return parsed;
  }

  protected addToDefaults(key: string, value: string | undefined): void {
    const current = this.defaultData.get(key);
    if (current === undefined) this.defaultData.set(key, value ?? DEFAULT_UNDEFINED);
    else if (current === DEFAULT_UNDEFINED && value !== undefined) this.defaultData.set(key, value);
  }
}
