// The installed Sluice package itself: where it lies and what its package.json says.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const sluicePackageRoot = resolve(fileURLToPath(new URL('../../', import.meta.url)));

export const sluicePackage = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
  devDependencies: Record<string, string>;
};
