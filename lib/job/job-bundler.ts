// Functions cannot be serialized, so the job module itself travels: esbuild bundles the
// entry file with its dependencies into one ESM text. The import of 'sluice' is left to
// the evaluator, so a bundle always runs against the engine that evaluates it.
import { build, type Message, type Plugin } from 'esbuild';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { JobFileError } from './job-file-error.ts';

export const sluiceApiGlobal = 'sluice.api';

const sluiceApiPlugin: Plugin = {
  name: 'sluice-api',
  setup(builder) {
    builder.onResolve({ filter: /^sluice$/ }, () => ({ path: 'sluice', namespace: 'sluice-api' }));
    builder.onLoad({ filter: /.*/, namespace: 'sluice-api' }, () => ({
      contents: `module.exports = globalThis[Symbol.for(${JSON.stringify(sluiceApiGlobal)})];`,
      loader: 'js',
    }));
  },
};

// Bundled CommonJS dependencies may call require() for Node built-ins.
const requireShim = "import { createRequire as __sluiceCreateRequire } from 'node:module'; const require = __sluiceCreateRequire(import.meta.url);";

export async function bundleJob(jobFile: string): Promise<string> {
  const entry = resolve(jobFile);
  if (!existsSync(entry)) throw new JobFileError(jobFile, 'not found');
  try {
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      write: false,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      sourcemap: 'inline',
      sourcesContent: false,
      logLevel: 'silent',
      banner: { js: requireShim },
      plugins: [sluiceApiPlugin],
    });
    return result.outputFiles[0]!.text;
  } catch (error) {
    const first = (error as { errors?: Message[] }).errors?.[0];
    if (!first) throw new JobFileError(jobFile, (error as Error).message);
    const where = first.location && resolve(first.location.file) !== entry ? `${first.location.file}: ` : '';
    throw new JobFileError(jobFile, `${where}${first.text}`, first.location?.line);
  }
}
