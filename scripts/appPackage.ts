import { AppManifestUtils } from '@microsoft/app-manifest';
import { zipSync, strToU8 } from 'fflate';
import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';

const DIR = 'appPackage';
const TEXT_FILES = ['manifest.json', 'nn.json', 'en.json'];
const ICONS = ['color.png', 'outline.png'];

/** Values of a Teams Toolkit environment: env/.env.<name>, then env/.env.<name>.user (secrets), then the process environment. */
export function environment(name: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const file of [`env/.env.${name}`, `env/.env.${name}.user`]) {
    if (existsSync(file)) Object.assign(values, parseEnv(readFileSync(file, 'utf8')));
  }
  for (const key of Object.keys(values)) if (process.env[key]) values[key] = process.env[key]!;
  return values;
}

/** Replaces every `${{NAME}}`; names without a value are reported, not left in the package. */
export function substitute(text: string, values: Record<string, string>): { text: string; missing: string[] } {
  const missing = new Set<string>();
  const result = text.replace(/\$\{\{\s*([A-Z0-9_]+)\s*\}\}/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined || (value === '' && name !== 'APP_NAME_SUFFIX')) missing.add(name);
    return value ?? '';
  });
  return { text: result, missing: [...missing] };
}

export interface AppPackage {
  manifest: Record<string, unknown>;
  files: Record<string, Uint8Array>;
  zip: Uint8Array;
  errors: string[];
}

/** The Teams app package for an environment: substituted, validated offline against the bundled schema, zipped. */
export async function buildAppPackage(envName: string): Promise<AppPackage> {
  const values = environment(envName);
  const errors: string[] = [];
  const files: Record<string, Uint8Array> = {};
  let manifest: Record<string, unknown> = {};
  for (const file of TEXT_FILES) {
    const { text, missing } = substitute(readFileSync(`${DIR}/${file}`, 'utf8'), values);
    for (const name of missing) errors.push(`${file}: ${name} has no value in env/.env.${envName}`);
    if (file === 'manifest.json') manifest = JSON.parse(text) as Record<string, unknown>;
    files[file] = strToU8(text);
  }
  for (const icon of ICONS) files[icon] = readFileSync(`${DIR}/${icon}`);
  errors.push(...(await AppManifestUtils.validateAgainstSchema(manifest as never)));
  return { manifest, files, zip: zipSync(files, { level: 9 }), errors };
}
