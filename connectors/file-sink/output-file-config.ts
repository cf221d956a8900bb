// Flink's OutputFileConfig: the prefix and suffix of part file names,
// `<prefix>-<uid>-<subtask>-<counter><suffix>` (prefix "part", no suffix by default).

export class OutputFileConfig {
  constructor(readonly partPrefix = 'part', readonly partSuffix = '') {}

  static builder(): OutputFileConfigBuilder {
    return new OutputFileConfigBuilder();
  }

  getPartPrefix(): string {
    return this.partPrefix;
  }

  getPartSuffix(): string {
    return this.partSuffix;
  }
}

export class OutputFileConfigBuilder {
  private partPrefix = 'part';
  private partSuffix = '';

  withPartPrefix(prefix: string): this {
    this.partPrefix = prefix;
    return this;
  }

  withPartSuffix(suffix: string): this {
    this.partSuffix = suffix;
    return this;
  }

  build(): OutputFileConfig {
    return new OutputFileConfig(this.partPrefix, this.partSuffix);
  }
}
