import { expandCard, type CardAttachment } from '../cards/expandCard.js';
import { inert } from '../cards/inert.js';
import type { Translate } from '../i18n/translate.js';
import { osloDateTime } from '../time/oslo.js';
import { courseKinds, seatsLeft, startsAt, type Course, type Session } from './Course.js';
import type { TrainingStatus } from '../roles/trainingStatus.js';
import type { CoordinatorRow } from './TrainingService.js';
import { assessments, competenceThemes, type CompetenceMapping, type Coordinator } from './competence.js';

export interface Notice {
  text: string;
  tone: 'good' | 'attention';
}

const noticeOf = (notice?: Notice) => ({ notice: notice?.text ?? '', noticeColor: notice?.tone === 'attention' ? 'Attention' : 'Good' });

/** «2027-03-10 kl. 09:00–12:30», in Oslo time. */
export function sessionText(t: Translate, session: Session): string {
  const from = osloDateTime(session.startsAt);
  return t('course.session', { date: from.slice(0, 10), from: from.slice(11), to: osloDateTime(session.endsAt).slice(11) });
}

/** What the person's training status says, in one or two lines. */
export function statusLines(t: Translate, status: TrainingStatus): string[] {
  if (status.completedOn) {
    return [
      t('training.status.done', { date: status.completedOn }),
      t(status.refresherOverdue ? 'training.status.refresherOverdue' : 'training.status.refresher', { date: status.refresherDue! }),
    ];
  }
  if (status.deadline) return [t(status.overdue ? 'training.status.overdue' : 'training.status.deadline', { date: status.deadline })];
  return [t('training.status.none')];
}

/** A coordinator's training in a few words, for a leader's list. */
export function statusShort(t: Translate, status: TrainingStatus): string {
  if (status.completedOn) return t('training.short.done', { date: status.completedOn });
  if (status.deadline) return t(status.overdue ? 'training.short.overdue' : 'training.short.deadline', { date: status.deadline });
  return t('training.short.none');
}

/** «koordinatorskolen»: the person's status and the courses ahead, to sign up for or off; KE admins plan and manage them. */
export function trainingOverviewCard(
  t: Translate,
  view: { userId: string; status: TrainingStatus; courses: readonly Course[]; isAdmin: boolean; now: string; notice?: Notice },
): CardAttachment {
  return expandCard('trainingOverview', {
    ...noticeOf(view.notice),
    title: t('training.title'),
    intro: t('training.intro'),
    status: statusLines(t, view.status),
    none: t('training.none'),
    courses: view.courses.map((course) => {
      const signedUp = course.participants.some((p) => p.userId === view.userId);
      return {
        id: course.id,
        name: inert(course.name),
        kind: t(`course.kind.${course.kind}`),
        sessions: course.sessions.map((session) => sessionText(t, session)),
        where: course.place ? t('course.place', { place: inert(course.place) }) : course.meetingUrl ? t('course.meeting') : '',
        meetingUrl: course.meetingUrl ?? '',
        seats: t('course.seats', { left: seatsLeft(course), capacity: course.capacity }),
        signedUp,
        signedUpText: t('course.youAreSignedUp'),
        canSignUp: seatsLeft(course) > 0 && startsAt(course) > view.now,
        isAdmin: view.isAdmin,
      };
    }),
    isAdmin: view.isAdmin,
    labels: {
      signUp: t('course.signUp'),
      signOff: t('course.signOff'),
      openMeeting: t('course.openMeeting'),
      manage: t('course.manage'),
      newCourse: t('training.newCourse'),
    },
  });
}

/** «Nytt kurs» (KE admins): name, kind, up to three sessions, place or Teams link, seats. */
export function courseFormCard(t: Translate): CardAttachment {
  const required = t('course.field.required');
  return expandCard('courseForm', {
    title: t('course.new.title'),
    hint: t('course.new.hint'),
    kinds: courseKinds.map((kind) => ({ value: kind, title: t(`course.kind.${kind}`) })),
    sessions: [1, 2, 3].map((n) => ({ n, label: t('course.field.date', { n }), from: t('course.field.from'), to: t('course.field.to'), required })),
    labels: {
      name: t('course.field.name'),
      kind: t('course.field.kind'),
      place: t('course.field.place'),
      meetingUrl: t('course.field.meetingUrl'),
      capacity: t('course.field.capacity'),
      required,
      create: t('course.create'),
      back: t('course.back'),
    },
  });
}

/** A course for a KE admin: participants, attendance per session once it has begun, cancel. */
export function courseAdminCard(t: Translate, course: Course, now: string, notice?: Notice): CardAttachment {
  const choices = course.participants.map((p) => ({ value: p.userId, title: inert(p.name ?? p.userId) }));
  return expandCard('courseAdmin', {
    ...noticeOf(notice),
    id: course.id,
    name: inert(course.name),
    kind: t(`course.kind.${course.kind}`),
    participantsTitle: t('course.participants', { count: course.participants.length }),
    participants: choices.map((c) => c.title),
    sessions: course.sessions.map((session) => ({
      id: session.id,
      courseId: course.id,
      title: sessionText(t, session),
      open: session.startsAt <= now && !course.cancelledAt,
      closedText: course.cancelledAt ? t('course.cancelledMark') : t('course.attendance.notYet'),
      label: t('course.attendance.label', { session: sessionText(t, session) }),
      present: (course.attendance[session.id] ?? []).join(','),
      choices,
      register: t('course.attendance.register'),
    })),
    canCancel: !course.cancelledAt,
    labels: { noParticipants: t('course.noParticipants'), cancel: t('course.cancel'), back: t('course.back') },
  });
}

/** «mine koordinatorer»: every coordinator in the units a leader leads, their cases (reference and status) and training. */
export function myCoordinatorsCard(t: Translate, units: readonly string[], rows: readonly CoordinatorRow[]): CardAttachment {
  return expandCard('myCoordinators', {
    title: t('coordinators.title'),
    scope: t('coordinators.scope', { units: units.map(inert).join(', ') }),
    none: t('coordinators.none'),
    rows: rows.map((row) => ({
      userId: row.userId,
      open: t('competence.open'),
      name: inert(row.name),
      unit: inert(row.unit),
      training: statusShort(t, row.status),
      trainingColor: row.status.overdue ? 'Attention' : row.status.completedOn ? 'Good' : 'Default',
      cases: row.cases.length
        ? t('coordinators.cases', { cases: row.cases.map((c) => `${c.reference} (${t(`case.state.${c.state}`)})`).join(', ') })
        : t('coordinators.noCases'),
    })),
  });
}

/** What a participant is told when a course is cancelled, with a way to the courses that remain. */
export function courseCancelledCard(t: Translate, name: string): CardAttachment {
  return expandCard('courseCancelled', { text: t('course.cancelledNotice', { name: inert(name) }), open: t('training.title') });
}

/** The competence mapping: a form for the coordinator's leader, read-only for the coordinator and KE. */
export function competenceCard(
  t: Translate,
  view: { coordinator: Coordinator; mapping?: CompetenceMapping; editable: boolean; fromList: boolean; notice?: string },
): CardAttachment {
  const { mapping } = view;
  return expandCard('competence', {
    notice: view.notice ?? '',
    title: t('competence.title', { name: inert(view.coordinator.name ?? view.coordinator.userId) }),
    hint: t('competence.hint'),
    updated: mapping ? t('competence.updated', { date: mapping.updatedAt.slice(0, 10), next: mapping.nextReviewOn }) : t('competence.none'),
    themes: competenceThemes.map((theme) => {
      const row = mapping?.rows[theme];
      return {
        id: theme,
        title: t(`competence.theme.${theme}`),
        editable: view.editable,
        assessment: row?.assessment ?? '',
        assessmentText: row ? t(`competence.assessment.${row.assessment}`) : t('competence.notAssessed'),
        measures: row?.measures ? inert(row.measures) : '',
        choices: assessments.map((value) => ({ value, title: t(`competence.assessment.${value}`) })),
        labels: { assessment: t('competence.assessment'), measures: t('competence.measures') },
      };
    }),
    editable: view.editable,
    fromList: view.fromList,
    userId: view.coordinator.userId,
    nextReviewOn: mapping?.nextReviewOn ?? '',
    labels: {
      nextReview: t('competence.nextReview'),
      required: t('course.field.required'),
      save: t('competence.save'),
      back: t('coordinators.back'),
    },
  });
}
