import { describe, expect, it } from 'vitest';
import { reminderDigestCard } from '../../../src/reminders/cards.js';
import { translator } from '../../../src/i18n/translate.js';
import type { ScheduledReminder } from '../../../src/reminders/rules.js';

const reminder = (key: string, kind: ScheduledReminder['kind']): ScheduledReminder => ({
  key,
  kind,
  to: { kind: 'user', userId: 'u' },
  dueAt: '2026-11-23T07:00:00.000Z',
  on: '2026-11-20',
  caseId: 'case-1',
  reference: 'RANA-2026-0001',
  milestone: 'adult',
});

describe('reminderDigestCard()', () => {
  it('titles one reminder as such, and several as a digest with the count', () => {
    const t = translator('nb');
    expect(JSON.stringify(reminderDigestCard(t, [{ reminder: reminder('k1', 'contact'), trainingMonths: 6 }]).content)).toContain('"text":"Påminnelse"');
    const digest = JSON.stringify(
      reminderDigestCard(
        t,
        ['contact', 'evaluation', 'transition'].map((kind, i) => ({ reminder: reminder(`k${i}`, kind as ScheduledReminder['kind']), trainingMonths: 6 })),
      ).content,
    );
    expect(digest).toContain('Du har 3 påminnelser');
    expect(digest).toContain('18-årsdagen nærmer seg i sak RANA-2026-0001');
  });

  it('says when and where a course session is, and whose competence mapping is due for review', () => {
    const t = translator('nb');
    const session: ScheduledReminder = {
      ...reminder('session:c:s:u', 'session'),
      on: '2027-03-10',
      course: { name: 'Koordinatorskolen våren', startsAt: '2027-03-10T08:00:00.000Z', place: 'Rådhuset' },
    };
    expect(JSON.stringify(reminderDigestCard(t, [{ reminder: session, trainingMonths: 6 }]).content)).toContain(
      'Snart: Koordinatorskolen våren, 2027-03-10 kl. 09:00. Sted: Rådhuset',
    );
    const review: ScheduledReminder = { ...reminder('competenceReview:kari:2027-02-01', 'competenceReview'), on: '2027-02-01', userId: 'kari' };
    expect(JSON.stringify(reminderDigestCard(t, [{ reminder: review, personName: 'Kari Koordinator', trainingMonths: 6 }]).content)).toContain(
      'Kompetansekartleggingen for Kari Koordinator skal gjennomgås 2027-02-01.',
    );
  });

  it('gives each item done (where something can be recorded), both snoozes and the case; never a data field named key', () => {
    const card = reminderDigestCard(translator('nn'), [{ reminder: reminder('contact:case-1:2026-11-20', 'contact'), trainingMonths: 6 }]).content as {
      body: { items?: { actions?: { title: string; data: Record<string, string> }[] }[] }[];
    };
    const actions = card.body[1]!.items![1]!.actions!;
    expect(actions.map((a) => a.title)).toEqual(['Registrer kontakt i dag', 'Utset 1 dag', 'Utset 1 veke', 'Opne saka']);
    expect(actions.map((a) => a.data)).toEqual([
      { verb: 'reminderDone', reminder: 'contact:case-1:2026-11-20' },
      { verb: 'reminderSnooze', reminder: 'contact:case-1:2026-11-20', days: '1' },
      { verb: 'reminderSnooze', reminder: 'contact:case-1:2026-11-20', days: '7' },
      { verb: 'caseOpen', caseId: 'case-1' },
    ]);
  });
});
