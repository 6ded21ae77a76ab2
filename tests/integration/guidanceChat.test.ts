import { reportForm } from '../support/reportForm.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChat, type Chat } from '../support/chat.js';
import { textOf } from '../support/caseSteps.js';

describe('guidance on the coordinator role, in chat', () => {
  let chat: Chat;

  beforeAll(async () => {
    chat = await startChat({ DEFAULT_MUNICIPALITY: 'rana' });
    await chat.say('bokmal', { text: 'hjelp' });
    await chat.say('nynorsk', { text: 'hjelp' });
    await chat.say('nynorsk', { value: { verb: 'setLocale', locale: 'nn' } });
  });
  afterAll(async () => chat.close());

  it('answers a free question about the role with the guidance card', async () => {
    const [reply] = await chat.say('bokmal', { text: 'Hva gjør en koordinator?' });
    expect(textOf(reply!)).toContain('Hva gjør en koordinator?');
    expect(textOf(reply!)).toContain('helse- og omsorgstjenesteloven § 7-2');
    expect(textOf(reply!)).toContain('"verb":"guidanceTopic","topic":"notRole"');
  });

  it('answers in nynorsk to someone who chose nynorsk, with whom to call from the directory', async () => {
    const [reply] = await chat.say('nynorsk', { text: 'kva er koordinerande eining?' });
    expect(textOf(reply!)).toContain('Kva er koordinerande eining (KE)?');
    // Rana's guide lists no phone for KE, so the front desk it does list is offered.
    expect(textOf(reply!)).toContain('Spørsmål? Servicetorget: 75 14 51 80');
  });

  it('keeps the chosen language with where to reach the user, so proactive messages speak it', async () => {
    expect((await chat.running.bot.references.lookup('rana', 'nynorsk'))?.locale).toBe('nn');
  });

  it('tells a nynorsk user about a stale card in nynorsk', async () => {
    const [reply] = await chat.say('nynorsk', { value: { verb: 'caseOpen', caseId: 'case-00000000-0000-0000-0000-000000000000' } });
    expect(reply!.body.text).toBe(
      'Du har ikkje tilgang til ei sak med den referansen. Ei sak blir vist for KE, den som melde ho, koordinatoren og leiaren for eininga til koordinatoren. Spør koordinerande eining om du meiner du skal ha tilgang.',
    );
  });

  it('tells a nynorsk user what is wrong in the meldeskjema in nynorsk', async () => {
    const [reply] = await chat.say('nynorsk', { value: reportForm({ verb: 'reportSubmit', need: 'kort' }) });
    expect(reply!.body.text).toBe('Noko i skjemaet manglar eller er ugyldig: skildra behovet med nokre setningar (10–1000 teikn).');
  });

  it('gives the closing checklist and a way into the cases', async () => {
    const [reply] = await chat.say('bokmal', { text: 'hvordan avslutter jeg en sak?' });
    expect(textOf(reply!)).toContain('Avklart med innbyggeren at tjenesten avsluttes');
    expect(textOf(reply!)).toContain('"capability":"cases"');
  });

  it('opens a topic from a button, and refuses a forged topic', async () => {
    const [reply] = await chat.say('bokmal', { value: { verb: 'guidanceTopic', topic: 'meetings' } });
    expect(textOf(reply!)).toContain('Koordineringsmøter (tidligere ansvarsgruppe)');
    const [forged] = await chat.say('bokmal', { value: { verb: 'guidanceTopic', topic: '__proto__' } });
    expect(forged!.body.text).toContain('utdatert eller ukjent');
  });

  it('still sends service questions to the directory', async () => {
    const [reply] = await chat.say('bokmal', { text: 'avlastning' });
    expect(textOf(reply!)).toContain('Dette fant jeg for «avlastning»');
  });
});
