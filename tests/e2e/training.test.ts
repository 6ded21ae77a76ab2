import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Course } from '../../src/training/Course.js';
import { SCREENSHOTS, startPlaygroundSession, type PlaygroundSession } from '../support/playgroundSession.js';

/** The Agents Playground's user (Alex Wilber), KE admin in Rana in this trial. */
const ALEX = '00000000-0000-0000-0000-0000000000020';
const KARI = 'aaaaaaaa-1111-2222-3333-444444444444';

/** A date some weeks ahead, as the date field takes it. */
const ahead = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('koordinatorskolen in the Agents Playground: a KE admin plans a course and signs up', () => {
  let session: PlaygroundSession;

  beforeAll(async () => {
    session = await startPlaygroundSession({ KE_ADMINS: `rana:${ALEX}` });
    await session.page.getByText('Hei, og velkommen!').first().waitFor({ timeout: 30_000 });
    // Alex also leads Hjemmetjenesten, where Kari was appointed coordinator (her training deadline runs).
    const { roles, reminders } = session.bot.bot;
    await roles.setUnits('rana', ALEX, { unit: 'Hjemmetjenesten', leads: ['Hjemmetjenesten'] });
    await roles.replace('rana', KARI, { roles: [], name: 'Kari Koordinator', unit: 'Hjemmetjenesten', leads: [] });
    await reminders.schedule.startTraining('rana', KARI);
  }, 120_000);
  afterAll(async () => session?.close());

  it('plans a spring course from «nytt kurs», and the card becomes the school with the course on it', async () => {
    await session.send('nytt kurs');
    const form = session.cardWith('Nytt kurs eller ny samling');
    await form.waitFor({ timeout: 30_000 });
    await form.getByRole('textbox', { name: /^Navn/ }).fill('Koordinatorskolen våren');
    const dates = form.getByPlaceholder('Select a date...');
    await session.pickDate(dates.nth(0), ahead(30));
    await session.pickDate(dates.nth(1), ahead(37));
    await session.pickDate(dates.nth(2), ahead(44));
    await form.getByRole('textbox', { name: /^Sted/ }).fill('Rådhuset, møterom 3');
    await form.screenshot({ path: `${SCREENSHOTS}/training-1-new-course.png` });
    const cardsBefore = await session.page.locator('.ac-adaptiveCard').count();
    await form.getByRole('button', { name: 'Opprett' }).click();
    await session.seen('Koordinatorskolen våren er opprettet: 3 samlinger, 20 plasser.');
    // The form itself became the school's card: no new message.
    expect(await session.page.locator('.ac-adaptiveCard').count()).toBe(cardsBefore);
  }, 90_000);

  it('signs Alex up on the card, which says so and counts the seat; the course card shows the participant', async () => {
    const school = session.cardWith('Koordinatorskolen og samlinger');
    await school.getByRole('button', { name: 'Meld meg på' }).click();
    await session.seen('Du er påmeldt Koordinatorskolen våren.');
    await session.seen('19 av 20 plasser ledige');
    await session.cardWith('Koordinatorskolen og samlinger').screenshot({ path: `${SCREENSHOTS}/training-2-signed-up.png` });
    await session.cardWith('Koordinatorskolen og samlinger').getByRole('button', { name: 'Deltakere og oppmøte' }).click();
    await session.seen('Påmeldte (1)');
    await session.seen('Oppmøtet registreres når samlingen har begynt.');
    await session.cardWith('Påmeldte (1)').screenshot({ path: `${SCREENSHOTS}/training-3-participants.png` });
  }, 60_000);

  it('gives Alex as a leader his coordinators with their training, and the competence mapping he fills in on the card', async () => {
    await session.send('mine koordinatorer');
    const list = session.cardWith('Mine koordinatorer');
    await list.waitFor({ timeout: 30_000 });
    await expect.poll(() => list.getByText('Kari Koordinator').count()).toBe(1);
    await expect.poll(() => list.getByText(/^Koordinatorskolen: frist \d{4}-\d{2}-\d{2}$/).count()).toBe(1);
    await list.screenshot({ path: `${SCREENSHOTS}/training-4-my-coordinators.png` });
    await list.getByRole('button', { name: 'Kompetansekartlegging' }).click();
    const form = session.cardWith('Kompetansekartlegging: Kari Koordinator');
    await form.waitFor({ timeout: 30_000 });
    await form
      .getByRole('combobox', { name: /^Vurdering/ })
      .first()
      .click();
    await session.page.getByRole('option', { name: 'Trenger opplæring' }).click();
    await form
      .getByRole('textbox', { name: /^Avtalte tiltak/ })
      .first()
      .fill('Koordinatorskolen til våren');
    await session.pickDate(form.getByPlaceholder('Select a date...').first(), ahead(180));
    await form.getByRole('button', { name: 'Lagre' }).click();
    await session.seen(`Lagret. Lederne får en påminnelse ${ahead(180)}.`);
    await session.cardWith('Kompetansekartlegging: Kari Koordinator').screenshot({ path: `${SCREENSHOTS}/training-5-competence.png` });
  }, 90_000);

  it('registers Kari’s attendance at a course under way; it completes her training, and her leader sees it', async () => {
    // A one-session course that began half an hour ago, with Kari signed up earlier (set up in the store).
    const now = Date.now();
    const course: Course = {
      id: 'course-under-way',
      municipality: 'rana',
      kind: 'school',
      name: 'Koordinatorskolen, dag 1',
      sessions: [{ id: 's1', startsAt: new Date(now - 30 * 60_000).toISOString(), endsAt: new Date(now + 3 * 3_600_000).toISOString() }],
      place: 'Rådhuset',
      capacity: 10,
      participants: [{ userId: KARI, name: 'Kari Koordinator', signedUpAt: new Date(now - 7 * 86_400_000).toISOString() }],
      attendance: {},
      createdBy: ALEX,
      createdAt: new Date(now - 30 * 86_400_000).toISOString(),
      updatedAt: new Date(now - 7 * 86_400_000).toISOString(),
    };
    await session.bot.bot.store.create('courses', 'rana', course.id, course);

    await session.send('koordinatorskolen');
    const school = session.cardWith('Koordinatorskolen, dag 1');
    await school.waitFor({ timeout: 30_000 });
    // The course under way comes first (the soonest); the spring course planned above after it.
    await school.getByRole('button', { name: 'Deltakere og oppmøte' }).first().click();
    const attendance = session.cardWith('Møtte');
    await attendance.waitFor({ timeout: 30_000 });
    // Kari is the only participant: the one box (from the keyboard: the Playground's toolbar can lie over a long card).
    const kari = attendance.locator('input[type="checkbox"]');
    await expect.poll(() => kari.getAttribute('aria-label')).toBe('Kari Koordinator');
    await kari.focus();
    await session.page.keyboard.press('Space');
    await expect.poll(() => kari.isChecked()).toBe(true);
    await attendance.getByRole('button', { name: 'Registrer oppmøte' }).click();
    await session.seen('Fullført: Kari Koordinator. Opplæringen er registrert, og påminnelsen om den er avsluttet.');
    await session.cardWith('Fullført: Kari Koordinator').screenshot({ path: `${SCREENSHOTS}/training-6-attendance.png` });

    await session.send('mine koordinatorer');
    await session.seen(/^Koordinatorskolen fullført \d{4}-\d{2}-\d{2}$/);
  }, 90_000);
});
