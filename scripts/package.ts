/** `npm run package [-- ENV]`: builds appPackage/build/appPackage.ENV.zip (ENV defaults to "local") for upload to Teams. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { buildAppPackage } from './appPackage.js';

const envName = process.argv[2] ?? 'local';
const pkg = await buildAppPackage(envName);
if (pkg.errors.length) {
  console.error(`The app package for "${envName}" is not valid:\n${pkg.errors.map((e) => `  - ${e}`).join('\n')}`);
  process.exit(1);
}
mkdirSync('appPackage/build', { recursive: true });
const out = `appPackage/build/appPackage.${envName}.zip`;
writeFileSync(out, pkg.zip);
console.log(`${out}: manifest ${String(pkg.manifest.manifestVersion)} valid, ${Object.keys(pkg.files).length} files.`);
