import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredReminder } from '../../src/reminders/ReminderSchedule.js';
import type { Course } from '../../src/training/Course.js';
import { addMonths, osloDate } from '../../src/time/oslo.js';
import { startChat, type Chat } from '../support/chat.js';
import { caseInProgress, setRoles, textOf } from '../support/caseSteps.js';

const KE = 'ke-admin';
const KARI = 'coordinator';
const OLA = 'ola';
const PER = 'per';
const LEADER = 'leader';
/** Display names as Teams sends them. */
const NAMES: Record<string, string> = { [KARI]: 'Kari Koordinator', [OLA]: 'Ola Olsen', [PER]: 'Per Persen' };

const cardText = (card: unknown) => JSON.stringify(card);

/** The card a Universal Action answered with (or its words). */
async function press(chat: Chat, userId: string, value: Record<string, unknown>): Promise<string> {
  const [answer] = await chat.press(userId, value, 0, NAMES[userId]);
  // Every template field bound: nothing left for the client to show as «${…}».
  expect(textOf(answer!)).not.toContain('${');
  return textOf(answer!);
}

/** A date some days ahead, as the form's Input.Date gives it. */
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('koordinatorskolen in chat: a KE admin plans, coordinators sign up, attendance completes the training', () => {
  let chat: Chat;
  let courseId = '';

  beforeAll(async () => {
    chat = await startChat({ KE_ADMINS: `rana:${KE}` });
    for (const user of [KE, KARI, OLA, PER, LEADER, 'reporter']) await chat.say(user, { text: 'hjelp' });
    await setRoles(chat, KE, KARI, { unit: 'Hjemmetjenesten' });
    await setRoles(chat, KE, OLA, { unit: 'Hjemmetjenesten' });
    await setRoles(chat, KE, LEADER, { unit: 'Hjemmetjenesten', leads: 'Hjemmetjenesten' });
    // Kari is appointed coordinator: her training deadline starts.
    await caseInProgress(chat, { reporter: 'reporter', ke: KE, coordinator: KARI, unit: 'Hjemmetjenesten', leader: LEADER });
  }, 90_000);
  afterAll(async () => chat?.close());

  it('shows everyone the school and their own deadline; only KE admins may plan', async () => {
    const [kari] = await chat.say(KARI, { text: 'koordinatorskolen' });
    expect(textOf(kari!)).toContain('Koordinatorskolen og samlinger');
    expect(textOf(kari!)).toMatch(/Du skal ha fullført koordinatorskolen innen \d{4}-\d{2}-\d{2}\./);
    expect(textOf(kari!)).toContain('Ingen kurs eller samlinger er planlagt ennå.');
    expect(textOf(kari!)).not.toContain('courseNew');
    const [refused] = await chat.say(KARI, { text: 'nytt kurs' });
    expect(refused!.body.text).toContain('Du har ikke tilgang til dette');
    expect(
      await press(chat, KARI, {
        verb: 'courseCreate',
        name: 'Kurs',
        kind: 'school',
        date1: inDays(30),
        from1: '09:00',
        to1: '12:00',
        place: 'Her',
        capacity: '5',
      }),
    ).toContain('Du har ikke tilgang til dette');
  });

  it('lets a KE admin plan a spring course, refusing a form that does not fit with its reason', async () => {
    const [form] = await chat.say(KE, { text: 'nytt kurs' });
    expect(textOf(form!)).toContain('Nytt kurs eller ny samling');
    const bad = await press(chat, KE, {
      verb: 'courseCreate',
      name: 'Koordinatorskolen våren',
      kind: 'school',
      date1: inDays(30),
      from1: '12:00',
      to1: '09:00',
      place: 'Rådhuset',
      capacity: '2',
    });
    expect(bad).toContain('slutt etter start');
    const created = await press(chat, KE, {
      verb: 'courseCreate',
      name: 'Koordinatorskolen våren',
      kind: 'school',
      date1: inDays(30),
      from1: '09:00',
      to1: '12:30',
      date2: inDays(37),
      from2: '09:00',
      to2: '12:30',
      place: 'Rådhuset, møterom 3',
      capacity: '2',
    });
    expect(created).toContain('Koordinatorskolen våren er opprettet: 2 samlinger, 2 plasser.');
    const courses = await chat.running.bot.store.list<Course>('courses', 'rana');
    expect(courses).toHaveLength(1);
    courseId = courses[0]!.id;
    // A second course, for the one who does not get a seat.
    await press(chat, KE, {
      verb: 'courseCreate',
      name: 'Koordinatorskolen høsten',
      kind: 'school',
      date1: inDays(200),
      from1: '09:00',
      to1: '12:30',
      place: 'Rådhuset',
      capacity: '20',
    });
  });

  it('signs coordinators up until the course is full, then offers the next one; reminds them the working day before each session', async () => {
    expect(await press(chat, KARI, { verb: 'courseSignUp', courseId })).toContain('Du er påmeldt Koordinatorskolen våren.');
    expect(await press(chat, KARI, { verb: 'courseSignUp', courseId })).toContain('Du er allerede påmeldt.');
    expect(await press(chat, OLA, { verb: 'courseSignUp', courseId })).toContain('Du er påmeldt');
    const full = await press(chat, PER, { verb: 'courseSignUp', courseId });
    expect(full).toContain('Koordinatorskolen våren er fullt. Neste med ledig plass: Koordinatorskolen høsten');
    expect(full).toContain('0 av 2 plasser ledige');

    const reminders = (
      await chat.running.bot.store.list<StoredReminder>('reminders', 'rana', { where: [{ field: 'courseId', op: '=', value: courseId }] })
    ).map((d) => d.data);
    expect(reminders.map((r) => r.to).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toHaveLength(4);
    for (const reminder of reminders) {
      expect(reminder.kind).toBe('session');
      expect(reminder.dueAt < reminder.course!.startsAt).toBe(true);
      expect(Date.parse(reminder.course!.startsAt) - Date.parse(reminder.dueAt)).toBeLessThan(5 * 86_400_000);
    }
    expect(await press(chat, OLA, { verb: 'courseSignOff', courseId })).toContain('Du er meldt av Koordinatorskolen våren.');
    expect((await chat.running.bot.store.list('reminders', 'rana', { where: [{ field: 'courseId', op: '=', value: courseId }] })).length).toBe(2);
    expect(await press(chat, PER, { verb: 'courseSignUp', courseId })).toContain('Du er påmeldt');
  });

  it('registers attendance once a session has begun; every session attended completes Kari’s training and settles its reminder', async () => {
    expect(await press(chat, KARI, { verb: 'courseManage', courseId })).toContain('Du har ikke tilgang til dette');
    const admin = await press(chat, KE, { verb: 'courseManage', courseId });
    expect(admin).toContain('Påmeldte (2)');
    expect(admin).toContain('Oppmøtet registreres når samlingen har begynt.');
    const course = (await chat.running.bot.store.get<Course>('courses', 'rana', courseId))!;
    const [first, second] = course.data.sessions;
    expect(await press(chat, KE, { verb: 'courseAttendance', courseId, sessionId: first!.id, [`present-${first!.id}`]: KARI })).toContain(
      'Oppmøtet kan registreres når samlingen har begynt.',
    );
    // Time passes: the course took place (the sessions moved into the past).
    const past = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
    const lastEnd = past(0.9);
    await chat.running.bot.store.put<Course>(
      'courses',
      'rana',
      courseId,
      {
        ...course.data,
        sessions: [
          { ...first!, startsAt: past(8), endsAt: past(7.9) },
          { ...second!, startsAt: past(1), endsAt: lastEnd },
        ],
      },
      course.etag,
    );
    const one = await press(chat, KE, { verb: 'courseAttendance', courseId, sessionId: first!.id, [`present-${first!.id}`]: `${KARI},${PER}` });
    expect(one).toContain('er registrert');
    expect(one).not.toContain('Fullført');
    const two = await press(chat, KE, { verb: 'courseAttendance', courseId, sessionId: second!.id, [`present-${second!.id}`]: KARI });
    expect(two).toContain('Fullført: Kari Koordinator.');
    // The day the course ended, in Oslo: for an end in the first hour or two after Oslo's midnight the UTC date is the day before.
    expect((await chat.running.bot.roles.training('rana', KARI))?.completedOn).toBe(osloDate(new Date(lastEnd)));
    const trainingReminders = (
      await chat.running.bot.store.list<StoredReminder>('reminders', 'rana', { where: [{ field: 'userId', op: '=', value: KARI }] })
    ).filter((d) => d.data.kind === 'training');
    expect(trainingReminders.every((d) => d.data.status !== 'pending')).toBe(true);
    // The yearly refresher now falls due, a year after the course ended.
    const refresher = (await chat.running.bot.store.list<StoredReminder>('reminders', 'rana', { where: [{ field: 'userId', op: '=', value: KARI }] })).filter(
      (d) => d.data.kind === 'refresher',
    );
    const completedOn = (await chat.running.bot.roles.training('rana', KARI))!.completedOn!;
    expect(refresher.map((d) => d.data.on)).toEqual([addMonths(completedOn, 12)]);
    const [kari] = await chat.say(KARI, { text: 'koordinatorskolen' });
    expect(textOf(kari!)).toMatch(/Du fullførte koordinatorskolen \d{4}-\d{2}-\d{2}\./);
    expect(textOf(kari!)).toMatch(/Neste oppfriskningskurs: innen \d{4}-\d{2}-\d{2}\./);
  });

  it('shows a leader their coordinators, with cases (reference and status only) and training', async () => {
    const [list] = await chat.say(LEADER, { text: 'mine koordinatorer' });
    const text = textOf(list!);
    expect(text).toContain('Mine koordinatorer');
    expect(text).toContain('Koordinatorskolen fullført');
    expect(text).toMatch(/RANA-\d{4}-\d{4} \(Arbeid med individuell plan pågår\)/);
    expect(text).not.toContain('Ola Nordmann');
    const [refused] = await chat.say(KARI, { text: 'mine koordinatorer' });
    expect(refused!.body.text).toContain('«mine koordinatorer» er for ledere');
  });

  it('lets the leader fill in Kari’s competence mapping; Kari and KE read it; a colleague may not; every read and change audited', async () => {
    const future = inDays(90);
    const form = await press(chat, LEADER, { verb: 'competenceOpen', userId: KARI });
    expect(form).toContain('Kompetansekartlegging');
    expect(form).toContain('Juridisk grunnlag for individuell plan og koordinering');
    expect(form).toContain('"id":"a-legalBasis"');
    expect(await press(chat, LEADER, { verb: 'competenceSave', userId: KARI, 'a-legalBasis': 'good', nextReviewOn: inDays(-1) })).toContain(
      'neste gjennomgang må være en dato fram i tid',
    );
    expect(await press(chat, LEADER, { verb: 'competenceSave', userId: KARI, 'm-writingIp': 'Kurs i IP-verktøyet', nextReviewOn: future })).toContain(
      'velg en vurdering for hvert tema du fyller ut',
    );
    const saved = await press(chat, LEADER, {
      verb: 'competenceSave',
      userId: KARI,
      'a-legalBasis': 'good',
      'a-writingIp': 'needs',
      'm-writingIp': 'Kurs i IP-verktøyet i mars',
      nextReviewOn: future,
    });
    expect(saved).toContain(`Lagret. Lederne får en påminnelse ${future}.`);
    const review = (await chat.running.bot.store.list<StoredReminder>('reminders', 'rana', { where: [{ field: 'userId', op: '=', value: KARI }] })).find(
      (d) => d.data.kind === 'competenceReview',
    );
    expect(review?.data).toMatchObject({ to: { kind: 'leadersOf', unit: 'Hjemmetjenesten' }, on: future, status: 'pending' });

    const [mine] = await chat.say(KARI, { text: 'min kompetanse' });
    expect(textOf(mine!)).toContain('Trenger opplæring');
    expect(textOf(mine!)).toContain('Kurs i IP-verktøyet i mars');
    expect(textOf(mine!)).not.toContain('competenceSave');
    expect(await press(chat, KE, { verb: 'competenceOpen', userId: KARI })).toContain('Kurs i IP-verktøyet i mars');
    expect(await press(chat, OLA, { verb: 'competenceOpen', userId: KARI })).toContain('Du har ikke tilgang til dette');
    expect(await press(chat, OLA, { verb: 'competenceSave', userId: KARI, 'a-values': 'good', nextReviewOn: future })).toContain(
      'Du har ikke tilgang til dette',
    );

    const audit = await chat.running.bot.store.list<{ action: string; actor: string }>('audit', 'rana');
    const competence = audit.map((d) => d.data).filter((e) => e.action.startsWith('competence.'));
    expect(competence.filter((e) => e.action === 'competence.update').map((e) => e.actor)).toEqual([LEADER]);
    expect(new Set(competence.filter((e) => e.action === 'competence.read').map((e) => e.actor))).toEqual(new Set([LEADER, KARI, KE]));
  });

  it('cancels a course and tells its participants', async () => {
    const autumn = (await chat.running.bot.store.list<Course>('courses', 'rana')).find((d) => d.data.name === 'Koordinatorskolen høsten')!;
    await press(chat, OLA, { verb: 'courseSignUp', courseId: autumn.id });
    const before = chat.connector.sent.length;
    const [answer, notice] = await chat.press(KE, { verb: 'courseCancel', courseId: autumn.id }, 1);
    expect(textOf(answer!)).toContain('Koordinatorskolen høsten er avlyst. 1 påmeldte har fått beskjed.');
    expect(notice!.conversationId).toBe(`a:${OLA}`);
    expect(cardText(notice!.body)).toContain('Koordinatorskolen høsten er avlyst av koordinerende enhet.');
    expect(chat.connector.sent.length).toBeGreaterThan(before);
    expect(await press(chat, OLA, { verb: 'courseSignUp', courseId: autumn.id })).toContain('Kurset er avlyst.');
    expect((await chat.running.bot.store.list('reminders', 'rana', { where: [{ field: 'courseId', op: '=', value: autumn.id }] })).length).toBe(0);
  });
});
