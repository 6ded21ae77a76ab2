import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { Language, Parser, type Node } from 'web-tree-sitter';
import { configVariables } from '../../../src/config.js';

/** Settings Azure itself reads, not the bot. */
const PLATFORM = ['AZURE_CLIENT_ID', 'APPLICATIONINSIGHTS_CONNECTION_STRING', 'SCM_DO_BUILD_DURING_DEPLOYMENT', 'WEBSITE_NODE_DEFAULT_VERSION'];
/** What the bot cannot run in Azure without: its identity, its store, its public address and the link signing key. */
const PRODUCTION = ['BOT_ID', 'BOT_TYPE', 'BOT_TENANT_ID', 'COSMOS_ENDPOINT', 'COSMOS_DATABASE', 'PUBLIC_URL', 'LINK_SECRET'];

const files = readdirSync('infra').filter((file) => file.endsWith('.bicep'));
let parser: Parser;

/** Syntax errors and missing tokens, each with its line. */
function syntaxErrors(root: Node): string[] {
  const errors: string[] = [];
  const walk = (node: Node): void => {
    if (node.isError || node.isMissing)
      errors.push(`line ${node.startPosition.row + 1}: ${node.isMissing ? `missing ${node.type}` : `unexpected «${node.text.slice(0, 40)}»`}`);
    for (const child of node.children) if (child) walk(child);
  };
  walk(root);
  return errors;
}

/** The names in every `appSettings: [ { name: '…', value: … } ]` of the file, from its syntax tree. */
function appSettings(root: Node): string[] {
  const names: string[] = [];
  const walk = (node: Node): void => {
    if (node.type === 'object_property' && node.namedChild(0)?.text === 'appSettings') {
      for (const setting of node.namedChild(1)?.namedChildren ?? []) {
        const name = setting?.namedChildren.find((p) => p?.namedChild(0)?.text === 'name')?.namedChild(1);
        if (name?.type === 'string') names.push(name.text.slice(1, -1));
      }
    }
    for (const child of node.namedChildren) if (child) walk(child);
  };
  walk(root);
  return names;
}

describe('infra/*.bicep, read by the Bicep grammar (tree-sitter-bicep)', () => {
  beforeAll(async () => {
    await Parser.init();
    parser = new Parser();
    parser.setLanguage(await Language.load(createRequire(import.meta.url).resolve('tree-sitter-bicep/tree-sitter-bicep.wasm')));
  });

  it('finds the templates', () => {
    expect(files).toContain('main.bicep');
  });

  it.each(files)('%s parses without a syntax error', (file) => {
    const tree = parser.parse(readFileSync(`infra/${file}`, 'utf8'))!;
    expect(syntaxErrors(tree.rootNode)).toEqual([]);
  });

  it('catches a broken template, with the line', () => {
    const tree = parser.parse(
      "param location string = resourceGroup().location\nresource app 'Microsoft.Web/sites@2023-12-01' = {\n  name: 'x'\n  properties: { siteConfig: [ }\n",
    )!;
    expect(syntaxErrors(tree.rootNode).length).toBeGreaterThan(0);
    expect(syntaxErrors(tree.rootNode).join()).toMatch(/line [34]/);
  });

  it('passes the app only settings src/config.ts reads (and the platform’s), and every one production needs', () => {
    const settings = files.flatMap((file) => appSettings(parser.parse(readFileSync(`infra/${file}`, 'utf8'))!.rootNode));
    expect(new Set(settings).size).toBe(settings.length);
    for (const name of settings) expect([...configVariables, ...PLATFORM], name).toContain(name);
    for (const name of PRODUCTION) expect(settings, name).toContain(name);
  });
});
