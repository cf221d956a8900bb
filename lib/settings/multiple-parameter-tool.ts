// Flink's MultipleParameterTool: like ParameterTool, but a key may be given several times
// (`--input a.txt --input b.txt`), as Flink's WordCount example reads its inputs.
// getMultiParameter gives every value; get() insists on one.
import { AbstractParameterTool, forEachArgument } from './abstract-parameter-tool.ts';

export class MultipleParameterTool extends AbstractParameterTool {
  private readonly data: Map<string, string[]>;

  private constructor(data: ReadonlyMap<string, readonly string[]>) {
    super(data.keys());
    this.data = new Map([...data].map(([key, values]) => [key, [...values]]));
  }

  /** `--key value` and `-key value` pairs; each repetition of a key adds a value. */
  static fromArgs(args: readonly string[]): MultipleParameterTool {
    const data = new Map<string, string[]>();
    forEachArgument(args, (key, value) => data.set(key, [...(data.get(key) ?? []), value]));
    return new MultipleParameterTool(data);
  }

  static fromMultiMap(multiMap: ReadonlyMap<string, readonly string[]> | Readonly<Record<string, readonly string[]>>): MultipleParameterTool {
    return new MultipleParameterTool(multiMap instanceof Map ? multiMap : new Map(Object.entries(multiMap)));
  }

  getNumberOfParameters(): number {
    return this.data.size;
  }

  /** Every value of `key`, in the order given; null when there is none. */
  getMultiParameter(key: string): string[] | null {
    this.addToDefaults(key, undefined);
    this.unrequestedParameters.delete(key);
    const values = this.data.get(key);
    return values ? [...values] : null;
  }

  getMultiParameterRequired(key: string): string[] {
    const values = this.getMultiParameter(key);
    if (values === null) throw new Error(`No data for required key '${key}'`);
    return values;
  }

  /** These parameters and `other`'s; `other`'s values replace this one's for a key both have. */
  mergeWith(other: MultipleParameterTool): MultipleParameterTool {
    return this.carryRequestsInto(new MultipleParameterTool(new Map([...this.data, ...other.data])), other);
  }

  /** Each key with its last value, as Flink flattens the multi-map. */
  override toMap(): Map<string, string> {
    return new Map([...this.data].map(([key, values]) => [key, values.at(-1) ?? AbstractParameterTool.NO_VALUE_KEY]));
  }

  toMultiMap(): Map<string, string[]> {
    return new Map([...this.data].map(([key, values]) => [key, [...values]]));
  }

  protected valueOf(key: string): string | null {
    const values = this.data.get(key);
    if (!values) return null;
    if (values.length !== 1) throw new Error(`Key ${key} should has only one value.`);
    return values[0]!;
  }

  protected hasKey(key: string): boolean {
    return this.data.has(key);
  }

  protected keys(): Iterable<string> {
    return this.data.keys();
  }
}
