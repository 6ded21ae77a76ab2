import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verbs, type Verb } from '../../src/conversation/verbs.js';
import { startBot, type RunningBot } from '../support/startBot.js';

/** Every verb a template sends: an Action.Execute's `verb`, an Action.Submit's `data.verb` (not those the code fills in, `${…}`). */
function templateVerbs(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of readdirSync('cards').filter((f) => f.endsWith('.json'))) {
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (!node || typeof node !== 'object') return;
      const element = node as Record<string, unknown>;
      if (typeof element.verb === 'string' && !element.verb.includes('${')) found.set(element.verb, file);
      Object.values(element).forEach(walk);
    };
    walk(JSON.parse(readFileSync(join('cards', file), 'utf8')));
  }
  return found;
}

/** Every `verb: '…'` the code writes into card data. */
function codeVerbs(dir = 'src'): Map<string, string> {
  const found = new Map<string, string>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) for (const [verb, file] of codeVerbs(path)) found.set(verb, file);
    else if (entry.name.endsWith('.ts')) for (const match of readFileSync(path, 'utf8').matchAll(/\bverb: '([A-Za-z]+)'/g)) found.set(match[1]!, path);
  }
  return found;
}

describe('the verbs of cards, routes and the payload test are one list (src/conversation/verbs.ts)', () => {
  let running: RunningBot;
  beforeAll(async () => {
    running = await startBot();
  });
  afterAll(async () => running?.close());

  it('the templates send only verbs of the list', () => {
    const unknown = [...templateVerbs()].filter(([verb]) => !(verbs as readonly string[]).includes(verb));
    expect(unknown).toEqual([]);
  });

  it('the code puts only verbs of the list into card data', () => {
    const unknown = [...codeVerbs()].filter(([verb]) => !(verbs as readonly string[]).includes(verb));
    expect(unknown).toEqual([]);
  });

  it('every verb of the list has a route (the municipality choice is answered by the turn gate, before any route)', () => {
    const gate: Verb[] = ['municipalityChoose'];
    expect(verbs.filter((verb) => !running.bot.verbs.has(verb) && !gate.includes(verb))).toEqual([]);
  });
});
