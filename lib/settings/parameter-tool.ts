// Flink's ParameterTool: a job's parameters as string values by key, read from its
// arguments (`sluice run job.ts --input in.txt --verbose`), a map or a properties file, with
// typed getters. Set as the job's global parameters, every function reads them too. A flag
// without a value holds NO_VALUE_KEY, as in Flink.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { GlobalJobParameters } from './global-job-parameters.ts';
import { formatProperties, parseProperties } from './properties-format.ts';

const NO_VALUE_KEY = '__NO_VALUE_KEY';
const DEFAULT_UNDEFINED = '<undefined>';

/** Java's Arrays.toString, which Flink's argument errors quote. */
const listed = (args: readonly string[]) => `[${args.join(', ')}]`;

/** Java's NumberUtils.isNumber, enough to tell a negative number from a key. */
const isNumber = (value: string) => /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value);

export class ParameterTool extends GlobalJobParameters {
  static readonly NO_VALUE_KEY = NO_VALUE_KEY;
  static readonly DEFAULT_UNDEFINED = DEFAULT_UNDEFINED;

  private readonly data: Map<string, string>;
  /** The keys asked for with their defaults, for createPropertiesFile. */
  private readonly defaultData = new Map<string, string>();
  private readonly unrequestedParameters: Set<string>;

  private constructor(data: ReadonlyMap<string, string>) {
    super();
    this.data = new Map(data);
    this.unrequestedParameters = new Set(data.keys());
  }

  /**
   * `--key value` and `-key value` pairs; a key followed by another key, or by nothing, is a
   * flag. A negative number is a value, not a key. Pass `process.argv.slice(2)`.
   */
  static fromArgs(args: readonly string[]): ParameterTool {
    const data = new Map<string, string>();
    let i = 0;
    while (i < args.length) {
      const arg = args[i]!;
      const key = arg.startsWith('--') ? arg.slice(2) : arg.startsWith('-') ? arg.slice(1) : undefined;
      if (key === undefined) throw new Error(`Error parsing arguments '${listed(args)}' on '${arg}'. Please prefix keys with -- or -.`);
      if (key === '') throw new Error(`The input ${listed(args)} contains an empty argument`);
      i += 1;
      const next = args[i];
      if (next === undefined || (!isNumber(next) && next.startsWith('-'))) {
        data.set(key, NO_VALUE_KEY);
      } else {
        data.set(key, next);
        i += 1;
      }
    }
    return new ParameterTool(data);
  }

  /** From a Map or a plain object of strings. */
  static fromMap(map: ReadonlyMap<string, string> | Readonly<Record<string, string>>): ParameterTool {
    const entries = map instanceof Map ? [...map] : Object.entries(map);
    for (const [key, value] of entries) {
      if (typeof value !== 'string') throw new Error(`ParameterTool.fromMap: the value of '${key}' is not a string (got ${typeof value})`);
    }
    return new ParameterTool(new Map(entries));
  }

  /** From a Java properties file (`key=value`, `key: value` or `key value` lines; `#` and `!` comments). */
  static fromPropertiesFile(path: string): ParameterTool {
    const file = resolve(path);
    if (!existsSync(file)) throw new Error(`Properties file ${file} does not exist`);
    return new ParameterTool(parseProperties(readFileSync(file, 'utf8')));
  }

  getNumberOfParameters(): number {
    return this.data.size;
  }

  /** The value of `key`, else `defaultValue` (null when none is given). */
  get(key: string): string | null;
  get(key: string, defaultValue: string): string;
  get(key: string, defaultValue?: string): string | null {
    this.addToDefaults(key, defaultValue);
    this.unrequestedParameters.delete(key);
    return this.data.get(key) ?? defaultValue ?? null;
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
    return this.data.has(key);
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

  /** These parameters and `other`'s; `other` wins where both have a key. */
  mergeWith(other: ParameterTool): ParameterTool {
    const merged = new ParameterTool(new Map([...this.data, ...other.data]));
    for (const tool of [this, other]) {
      for (const key of tool.data.keys()) if (!tool.unrequestedParameters.has(key)) merged.unrequestedParameters.delete(key);
    }
    return merged;
  }

  override toMap(): Map<string, string> {
    return new Map(this.data);
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
    if (!this.data.has(key)) return defaultValue!;
    const parsed = parse(value.trim());
    if (parsed === undefined) throw new Error(`ParameterTool: the value '${value}' of key '${key}' is not ${kind}`);
    return parsed;
  }

  private addToDefaults(key: string, value: string | undefined): void {
    const current = this.defaultData.get(key);
    if (current === undefined) this.defaultData.set(key, value ?? DEFAULT_UNDEFINED);
    else if (current === DEFAULT_UNDEFINED && value !== undefined) this.defaultData.set(key, value);
  }
}
