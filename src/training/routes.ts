import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { AdaptiveCardContent, CardAttachment } from '../cards/expandCard.js';
import type { AppTurnState } from '../conversation/AppTurnState.js';
import { cardData } from '../conversation/cardData.js';
import { livingCard } from '../conversation/errorReply.js';
import { actorScope, type ActorScope } from '../roles/actorScope.js';
import type { Router } from '../conversation/router.js';
import { InputError, NotAllowedError, userMessageOf } from '../errors.js';
import type { Translate } from '../i18n/translate.js';
import type { MunicipalityId } from '../municipalities/Municipality.js';
import type { Roles } from '../roles/Roles.js';
import {
  competenceCard,
  courseAdminCard,
  courseCancelledCard,
  courseFormCard,
  myCoordinatorsCard,
  sessionText,
  trainingOverviewCard,
  type Notice,
} from './cards.js';
import { startsAt } from './Course.js';
import { courseInputSchema, type TrainingService } from './TrainingService.js';
import { assessments, competenceThemes, type Assessment, type CompetenceMapping } from './competence.js';

const SCHOOL = /^\s*(koordinatorskolen|koordinatorskulen|koordinatorskole|kurs|coordinator school)\s*[.!?]?\s*$/iu;
const NEW_COURSE = /^\s*(nytt kurs|ny samling|new course)\s*$/iu;
const MY_COORDINATORS = /^\s*(mine koordinatorer|mine koordinatorar|my coordinators)\s*$/iu;
const MY_COMPETENCE = /^\s*(min kompetanse|kompetansekartlegging|my competence)\s*$/iu;

const personRef = z.object({ userId: z.string().min(1).max(200) });
/** The competence form: an assessment and measures per theme (`a-<theme>`, `m-<theme>`), and the next review. */
const competenceData = personRef.extend({ nextReviewOn: z.string().optional() }).catchall(z.string().max(500).optional());

const courseRef = z.object({ courseId: z.string().min(1).max(100) });
const attendanceData = courseRef.extend({ sessionId: z.string().min(1).max(40) }).passthrough();
/** The form as the card sends it: strings, the sessions flattened into date1/from1/to1 … */
const formData = z.object({
  name: z.string().optional(),
  kind: z.string().optional(),
  place: z.string().optional(),
  meetingUrl: z.string().optional(),
  capacity: z.union([z.string(), z.number()]).optional(),
  date1: z.string().optional(),
  from1: z.string().optional(),
  to1: z.string().optional(),
  date2: z.string().optional(),
  from2: z.string().optional(),
  to2: z.string().optional(),
  date3: z.string().optional(),
  from3: z.string().optional(),
  to3: z.string().optional(),
});

export interface TrainingRouteDeps {
  training: TrainingService;
  roles: Roles;
  /** Sends a person a card proactively (a cancelled course), in their language. */
  tell: (municipality: MunicipalityId, userId: string, render: (t: Translate) => CardAttachment) => Promise<void>;
}

/** Koordinatorskolen in chat: «koordinatorskolen» for everyone, planning and attendance for KE admins, «mine koordinatorer» for leaders. */
export function trainingRoutes(router: Router, { training, roles, tell }: TrainingRouteDeps): void {
  async function scopeOf(context: TurnContext, state: AppTurnState): Promise<ActorScope & { isAdmin: boolean }> {
    const scope = await actorScope(context, state, roles);
    return { ...scope, isAdmin: await roles.has(scope.municipality, scope.userId, 'keAdmin') };
  }

  async function overviewCard(scope: Awaited<ReturnType<typeof scopeOf>>, notice?: Notice) {
    const [status, courses] = await Promise.all([training.status(scope.municipality, scope.actor.userId), training.upcoming(scope.municipality)]);
    return trainingOverviewCard(scope.t, {
      userId: scope.actor.userId,
      status,
      courses,
      isAdmin: scope.isAdmin,
      now: training.now().toISOString(),
      ...(notice ? { notice } : {}),
    });
  }

  /** A refusal is said on the card itself, which stays the overview; a form that does not fit stays as typed, with the words shown. */
  function living(scope: Awaited<ReturnType<typeof scopeOf>>, work: () => Promise<CardAttachment>): Promise<AdaptiveCardContent | string> {
    return livingCard(scope.t, work, (error, words) => (error instanceof InputError ? undefined : overviewCard(scope, { text: words, tone: 'attention' })));
  }

  function requireAdmin(scope: { isAdmin: boolean }): void {
    if (!scope.isAdmin) throw new NotAllowedError('only KE admins plan courses');
  }

  router.message(SCHOOL, async (context, state) => {
    await context.sendActivity({ attachments: [await overviewCard(await scopeOf(context, state))] });
  });

  router.message(NEW_COURSE, async (context, state) => {
    const scope = await scopeOf(context, state);
    requireAdmin(scope);
    await context.sendActivity({ attachments: [courseFormCard(scope.t)] });
  });

  router.execute('courseList', async (context, state) => {
    const scope = await scopeOf(context, state);
    return living(scope, async () => overviewCard(scope));
  });

  router.execute('courseNew', async (context, state) => {
    const scope = await scopeOf(context, state);
    return living(scope, async () => {
      requireAdmin(scope);
      return courseFormCard(scope.t);
    });
  });

  router.execute('courseCreate', async (context, state, data) => {
    const scope = await scopeOf(context, state);
    return living(scope, async () => {
      requireAdmin(scope);
      const form = cardData(formData, data, 'course.invalid');
      const sessions = [1, 2, 3].flatMap((n) => {
        const date = form[`date${n}` as 'date1'];
        return date ? [{ date, from: form[`from${n}` as 'from1'] ?? '', to: form[`to${n}` as 'to1'] ?? '' }] : [];
      });
      const input = courseInputSchema.safeParse({
        name: form.name,
        kind: form.kind,
        sessions,
        place: form.place?.trim() || undefined,
        meetingUrl: form.meetingUrl?.trim() || undefined,
        capacity: Number(form.capacity),
      });
      if (!input.success) throw new InputError('course form', { key: 'course.invalid' });
      const course = await training.create(scope.actor, input.data);
      const text = scope.t('course.created', { name: course.name, sessions: course.sessions.length, capacity: course.capacity });
      return overviewCard(scope, { text, tone: 'good' });
    });
  });

  router.execute('courseSignUp', async (context, state, data) => {
    const scope = await scopeOf(context, state);
    return living(scope, async () => {
      const { courseId } = cardData(courseRef, data, 'error.unknownAction');
      try {
        const course = await training.signUp(scope.actor, courseId);
        return overviewCard(scope, { text: scope.t('course.signedUp', { name: course.name }), tone: 'good' });
      } catch (error) {
        // A full course offers the next of its kind with a seat left.
        if (userMessageOf(error)?.key !== 'course.refused.full') throw error;
        const full = await training.get(scope.municipality, courseId);
        const next = await training.nextWithSeats(scope.municipality, full);
        if (!next) throw error;
        const text = `${scope.t('course.refused.full', { name: full.name })} ${scope.t('course.next', { name: next.name, date: startsAt(next).slice(0, 10) })}`;
        return overviewCard(scope, { text, tone: 'attention' });
      }
    });
  });

  router.execute('courseSignOff', async (context, state, data) => {
    const scope = await scopeOf(context, state);
    return living(scope, async () => {
      const course = await training.signOff(scope.actor, cardData(courseRef, data, 'error.unknownAction').courseId);
      return overviewCard(scope, { text: scope.t('course.signedOff', { name: course.name }), tone: 'good' });
    });
  });

  router.execute('courseManage', async (context, state, data) => {
    const scope = await scopeOf(context, state);
    return living(scope, async () => {
      requireAdmin(scope);
      const course = await training.get(scope.municipality, cardData(courseRef, data, 'error.unknownAction').courseId);
      return courseAdminCard(scope.t, course, training.now().toISOString());
    });
  });

  router.execute('courseAttendance', async (context, state, data) => {
    const scope = await scopeOf(context, state);
    return living(scope, async () => {
      requireAdmin(scope);
      const form = cardData(attendanceData, data, 'error.unknownAction');
      const raw = (form as Record<string, unknown>)[`present-${form.sessionId}`];
      const present = typeof raw === 'string' ? raw.split(',').filter(Boolean) : [];
      const { course, completed } = await training.recordAttendance(scope.actor, form.courseId, form.sessionId, present);
      const session = course.sessions.find((s) => s.id === form.sessionId)!;
      const names = completed.map((userId) => course.participants.find((p) => p.userId === userId)?.name ?? userId);
      const text = [
        scope.t('course.attendance.saved', { session: sessionText(scope.t, session) }),
        ...(names.length ? [scope.t('course.attendance.completed', { names: names.join(', ') })] : []),
      ].join(' ');
      return courseAdminCard(scope.t, course, training.now().toISOString(), { text, tone: 'good' });
    });
  });

  router.execute('courseCancel', async (context, state, data) => {
    const scope = await scopeOf(context, state);
    return living(scope, async () => {
      requireAdmin(scope);
      const course = await training.cancel(scope.actor, cardData(courseRef, data, 'error.unknownAction').courseId);
      await Promise.all(course.participants.map((p) => tell(scope.municipality, p.userId, (t) => courseCancelledCard(t, course.name))));
      const text = scope.t('course.cancelled', { name: course.name, count: course.participants.length });
      return overviewCard(scope, { text, tone: 'good' });
    });
  });

  /** The leader's list: every coordinator in the units they lead, with open cases (reference and status) and training. */
  /** The leader's list: every coordinator in the units they lead, with open cases (reference and status) and training. */
  async function coordinatorsCard(scope: Awaited<ReturnType<typeof scopeOf>>) {
    return myCoordinatorsCard(scope.t, scope.actor.leads, await training.coordinators(scope.actor));
  }

  router.message(MY_COORDINATORS, async (context, state) => {
    await context.sendActivity({ attachments: [await coordinatorsCard(await scopeOf(context, state))] });
  });

  router.execute('coordinatorsList', async (context, state) => {
    const scope = await scopeOf(context, state);
    return livingCard(scope.t, async () => coordinatorsCard(scope));
  });

  // The competence mapping: the leader fills it in from their list; the coordinator reads their own («min kompetanse»).
  router.execute('competenceOpen', async (context, state, data) => {
    const scope = await scopeOf(context, state);
    return livingCard(scope.t, async () => {
      const view = await training.competence(scope.actor, cardData(personRef, data, 'error.unknownAction').userId);
      return competenceCard(scope.t, { ...view, fromList: true });
    });
  });

  router.message(MY_COMPETENCE, async (context, state) => {
    const scope = await scopeOf(context, state);
    const view = await training.competence(scope.actor, scope.actor.userId);
    await context.sendActivity({ attachments: [competenceCard(scope.t, { ...view, fromList: false })] });
  });

  router.execute('competenceSave', async (context, state, data) => {
    const scope = await scopeOf(context, state);
    return livingCard(scope.t, async () => {
      const form = cardData(competenceData, data, 'competence.invalid');
      const rows: CompetenceMapping['rows'] = {};
      for (const theme of competenceThemes) {
        const assessment = form[`a-${theme}`];
        const measures = form[`m-${theme}`]?.trim();
        if (!assessment) {
          if (measures) throw new InputError('measures without an assessment', { key: 'competence.invalid' });
          continue;
        }
        if (!(assessments as readonly string[]).includes(assessment)) throw new InputError('unknown assessment', { key: 'competence.invalid' });
        rows[theme] = { assessment: assessment as Assessment, ...(measures ? { measures } : {}) };
      }
      if (!/^\d{4}-\d{2}-\d{2}$/.test(form.nextReviewOn ?? '')) throw new InputError('no review date', { key: 'competence.invalid' });
      const mapping = await training.saveCompetence(scope.actor, form.userId, { rows, nextReviewOn: form.nextReviewOn! });
      const view = await training.competence(scope.actor, form.userId);
      return competenceCard(scope.t, { ...view, fromList: true, notice: scope.t('competence.saved', { date: mapping.nextReviewOn }) });
    });
  });
}
