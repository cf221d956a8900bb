// Flink's ParameterTool: a job's parameters as string values by key, read from its
// arguments (`sluice run job.ts --input in.txt --verbose`), a map or a properties file, with
// typed getters. Set as the job's global parameters, every function reads them too. A flag
// without a value holds NO_VALUE_KEY, as in Flink.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AbstractParameterTool, forEachArgument } from './abstract-parameter-tool.ts';
import { parseProperties } from './properties-format.ts';

export class ParameterTool extends AbstractParameterTool {
  private readonly data: Map<string, string>;

  private constructor(data: ReadonlyMap<string, string>) {
    super(data.keys());
    this.data = new Map(data);
  }

  /** `--key value` and `-key value` pairs (a repeated key keeps its last value). Pass `process.argv.slice(2)`. */
  static fromArgs(args: readonly string[]): ParameterTool {
    const data = new Map<string, string>();
    forEachArgument(args, (key, value) => data.set(key, value));
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

  /** These parameters and `other`'s; `other` wins where both have a key. */
  mergeWith(other: ParameterTool): ParameterTool {
    return this.carryRequestsInto(new ParameterTool(new Map([...this.data, ...other.data])), other);
  }

  override toMap(): Map<string, string> {
    return new Map(this.data);
  }

  protected valueOf(key: string): string | null {
    return this.data.get(key) ?? null;
  }

  protected hasKey(key: string): boolean {
    return this.data.has(key);
  }

  protected keys(): Iterable<string> {
    return this.data.keys();
  }
}
