import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GuidanceIntents } from '../../../src/guidance/GuidanceIntents.js';
import type { GuidanceTopic } from '../../../src/i18n/guidance.js';

const intents = new GuidanceIntents();

describe('GuidanceIntents', () => {
  describe('match()', () => {
    it.each<[string, GuidanceTopic]>([
      ['Hva gjør en koordinator?', 'role'],
      ['Kva gjer ein koordinator?', 'role'],
      ['koordinator', 'role'],
      ['hva er ikke koordinatorrollen', 'notRole'],
      ['Kva er ikkje koordinatorrolla?', 'notRole'],
      ['hvem kan være koordinator', 'whoCan'],
      ['kven kan vere koordinator', 'whoCan'],
      ['koordinator for barn', 'children'],
      ['må jeg ta koordinatorskolen?', 'training'],
      ['koordinater opplæring', 'training'],
      ['hva er en individuell plan?', 'ip'],
      ['Kva er individuell plan', 'ip'],
      ['hva skal stå i en individuell plan', 'ip'],
      ['hva er en ansvarsgruppe', 'meetings'],
      ['koordineringsmøter', 'meetings'],
      ['jeg er ny koordinator, hva gjør jeg', 'start'],
      ['hvordan følge opp ip', 'followUp'],
      ['hvordan melder jeg behov', 'report'],
      ['treng eg samtykke', 'report'],
      ['hvordan utpekes koordinator', 'appointment'],
      ['jeg skal slutte i jobben, hva gjør jeg med sakene mine', 'change'],
      ['endringsskjema', 'change'],
      ['hvordan overfører jeg en sak til en kollega', 'transfer'],
      ['hvordan avslutter jeg en sak', 'closing'],
      ['avslutte individuell plan', 'closing'],
      ['hva er KE', 'ke'],
      ['kva er koordinerande eining', 'ke'],
      ['hva er lederens ansvar', 'leader'],
      ['hvilke paragrafer gjelder', 'law'],
      ['lovgrunnlaget for IP', 'law'],
      ['klage på avslag', 'complaint'],
      ['What does a coordinator do?', 'role'],
      ['what is an individual plan', 'ip'],
    ])('takes «%s» as a question about %s', (question, topic) => {
      expect(intents.match(question)?.topic).toBe(topic);
    });

    it.each([
      'avlastning',
      'psykolog for 16-åring',
      'hjemmesykepleie',
      'støttekontakt',
      'trenger plan for skolen',
      'hvem hjelper med avlastning',
      'dagtilbud for demente',
      'hvem er leder for hjemmetjenesten',
      'klage på tjenesten',
      'takk',
      '',
    ])('leaves «%s» to the service directory', (question) => {
      expect(intents.match(question)).toBeUndefined();
    });

    it('leaves every question of the public directory evaluation set to the directory', () => {
      const questions = (JSON.parse(readFileSync('eval/directory-public.json', 'utf8')) as { query: string }[]).map((item) => item.query);
      expect(questions.length).toBeGreaterThan(10);
      expect(questions.filter((question) => intents.match(question))).toEqual([]);
    });
  });
});
