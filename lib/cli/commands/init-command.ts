// `sluice init <dir>`: a job project of one's own, in the spirit of Flink's quickstart
// archetype. It depends on this Sluice installation, so that an editor and `npm run
// typecheck` know Sluice's types: `sluice run` only transpiles and would not notice a type error.
import { Command } from 'commander';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { sluicePackage, sluicePackageRoot } from '../sluice-package.ts';

const sampleJob = 'src/wordcount.ts';

function projectFiles(name: string): Record<string, string> {
  const json = (value: object) => `${JSON.stringify(value, null, 2)}\n`;
  return {
    'package.json': json({
      name,
      version: '0.1.0',
      private: true,
      type: 'module',
      scripts: { start: `sluice run ${sampleJob}`, typecheck: 'tsc --noEmit' },
      // A path, not a registry version: the project uses the Sluice that created it.
      dependencies: { sluice: `file:${sluicePackageRoot}` },
      devDependencies: { '@types/node': sluicePackage.devDependencies['@types/node'], typescript: sluicePackage.devDependencies.typescript },
    }),
    // Sluice's API is TypeScript source: the job type-checks against it as against its own files.
    'tsconfig.json': json({
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        noEmit: true,
        allowImportingTsExtensions: true,
        skipLibCheck: true,
        types: ['node'],
      },
      include: ['src'],
    }),
    '.gitignore': 'node_modules/\n',
    [sampleJob]: readFileSync(join(sluicePackageRoot, 'samples/wordcount.ts'), 'utf8').replaceAll('samples/wordcount.ts', sampleJob),
  };
}

function init(dir: string, _options: object, command: Command): void {
  if (existsSync(dir) && !(statSync(dir).isDirectory() && readdirSync(dir).length === 0)) command.error(`${dir} exists and is not an empty directory`);
  const name = basename(resolve(dir)).toLowerCase().replace(/[^a-z0-9._-]+/g, '-');
  for (const [file, content] of Object.entries(projectFiles(name))) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), content);
  }
  const cd = relative(process.cwd(), resolve(dir)) || '.';
  process.stdout.write([
    `Created the Sluice job project ${name} in ${cd}. Next:`,
    `  cd ${cd}`,
    '  npm install',
    '  npm run typecheck',
    `  npx sluice run ${sampleJob}`,
    '',
  ].join('\n'));
}

export function initCommand(): Command {
  return new Command('init')
    .summary('create a job project of your own')
    .description(`Create a job project: package.json (depending on this Sluice), tsconfig.json and ${sampleJob}.`)
    .argument('<dir>', 'the project directory; created if missing, must be empty')
    .action(init);
}
