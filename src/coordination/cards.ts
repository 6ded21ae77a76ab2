import { expandCard, type CardAttachment } from '../cards/expandCard.js';
import { inert } from '../cards/inert.js';
import type { MessageKey } from '../i18n/messages.js';
import type { Translate } from '../i18n/translate.js';
import { formatPhone } from '../text/phone.js';
import { osloDate, osloDateTime } from '../time/oslo.js';
import { isOverdue, meetingKinds, type Meeting, type Partner, type Task, type TaskOwner } from './CaseWork.js';
import type { CaseWorkView, MeetingView, TaskView, WorkNotice, WorkSummary } from './CoordinationService.js';
import { partnerName } from './CoordinationService.js';
import { teamsMeetingLink } from './meetingLink.js';

export interface Notice {
  text: string;
  tone: 'good' | 'attention';
}

const noticeFields = (notice?: Notice) => ({ notice: notice?.text ?? '', noticeColor: notice?.tone === 'good' ? 'Good' : 'Attention' });

/** «10.12.2026 kl. 09:00–10:00» in Oslo time. */
export function meetingTime(t: Translate, meeting: Pick<Meeting, 'startsAt' | 'endsAt'>): string {
  const start = osloDateTime(meeting.startsAt);
  return t('meeting.time', { date: start.slice(0, 10), from: start.slice(11, 16), to: osloDateTime(meeting.endsAt).slice(11, 16) });
}

export function partnerLine(t: Translate, partner: Partner): string {
  if (partner.kind === 'internal') return inert(`${partner.name}${partner.role ? ` – ${partner.role}` : ''}${partner.unit ? ` (${partner.unit})` : ''}`);
  const contact = [partner.phone ? formatPhone(partner.phone) : '', partner.email ?? ''].filter(Boolean).join(', ');
  return `${inert(`${partner.organisation}${partner.role ? ` – ${partner.role}` : ''}`)} (${t('partner.external')}${contact ? `: ${inert(contact)}` : ''})`;
}

export function ownerName(t: Translate, owner: TaskOwner, partners: readonly Partner[]): string {
  if (owner.kind === 'coordinator') return t('task.owner.coordinator');
  if (owner.kind === 'family') return t('task.owner.family');
  const partnerId = owner.partnerId;
  const partner = partners.find((p) => p.id === partnerId);
  return partner ? inert(partnerName(partner)) : t('task.owner.gone');
}

/** The choices of who can own a task: the coordinator, each partner, the resident/family. */
function ownerChoices(t: Translate, partners: readonly Partner[]) {
  return [
    { title: t('task.owner.coordinator'), value: 'coordinator' },
    ...partners.map((p) => ({ title: inert(partnerName(p)), value: `partner:${p.id}` })),
    { title: t('task.owner.family'), value: 'family' },
  ];
}

function dueText(t: Translate, task: Task, now: Date): { due: string; dueColor: string } {
  const overdue = isOverdue(task, now);
  return { due: t(overdue ? 'task.dueOverdue' : 'task.due', { date: task.dueOn }), dueColor: overdue ? 'Attention' : 'Default' };
}

/** The case's work: partners, meetings and open tasks, with what the coordinator can do about each. */
export function caseWorkCard(
  t: Translate,
  view: CaseWorkView & { people: readonly { userId: string; name: string }[]; notice?: Notice; now: Date; editable: boolean },
): CardAttachment {
  const now = view.now.toISOString();
  const partnerIds = new Set(view.partners.map((p) => p.id));
  return expandCard('caseWork', {
    ...noticeFields(view.notice),
    caseId: view.brief.id,
    title: t('work.title', { reference: view.brief.reference }),
    intro: t('work.intro'),
    partners: view.partners.map((p) => ({ id: p.id, text: partnerLine(t, p) })),
    people: view.people.filter(
      (p) => p.userId !== view.brief.coordinator?.userId && !view.partners.some((q) => q.kind === 'internal' && q.userId === p.userId),
    ),
    meetings: view.meetings.slice(0, 8).map((m) => {
      const missing = m.state === 'planned' && m.endsAt <= now && !m.referat;
      return {
        id: m.id,
        text: `${t(`meeting.kind.${m.kind}`)}, ${meetingTime(t, m)}`,
        status:
          m.state === 'cancelled'
            ? t('meeting.cancelledMark')
            : missing
              ? t('meeting.referatMissing')
              : m.referat
                ? t('meeting.referatDone')
                : m.declined.length > 0
                  ? t(m.declined.length === 1 ? 'meeting.declinedOne' : 'meeting.declinedOther', { count: m.declined.length })
                  : '',
        statusColor: missing || m.state === 'cancelled' ? 'Attention' : 'Default',
      };
    }),
    tasks: view.tasks.map((task) => ({
      id: task.id,
      text: inert(`${task.what} – ${ownerName(t, task.owner, view.partners)}`),
      ...dueText(t, task, view.now),
    })),
    owners: ownerChoices(t, view.partners).filter((o) => !o.value.startsWith('partner:') || partnerIds.has(o.value.slice(8))),
    today: osloDate(view.now),
    canAddTask: view.editable,
    canPlan: view.editable,
    labels: {
      partners: t('work.partners'),
      noPartners: t('work.noPartners'),
      remove: t('work.remove'),
      addInternal: t('work.addInternal'),
      addExternal: t('work.addExternal'),
      person: t('work.person'),
      role: t('work.role'),
      rolePlaceholder: t('work.rolePlaceholder'),
      externalRolePlaceholder: t('work.externalRolePlaceholder'),
      organisation: t('work.organisation'),
      organisationPlaceholder: t('work.organisationPlaceholder'),
      phone: t('work.phone'),
      email: t('work.email'),
      add: t('work.add'),
      required: t('case.required'),
      meetings: t('work.meetings'),
      noMeetings: t('work.noMeetings'),
      open: t('work.open'),
      tasks: t('work.tasks'),
      noTasks: t('work.noTasks'),
      addTask: t('work.addTask'),
      what: t('task.what'),
      owner: t('task.owner'),
      dueOn: t('task.dueOn'),
      newMeeting: t('meeting.new'),
      back: t('case.back'),
    },
  });
}

/** The meeting form's choice of the coordinator as referent, and of a single meeting (every choice has a value). */
export const COORDINATOR_WRITES = 'coordinator';
export const NO_REPEAT = 'none';

/** «Nytt møte», or a planned meeting to change (its values filled in). */
export function meetingFormCard(
  t: Translate,
  view: { caseId: string; reference: string; partners: readonly Partner[]; meeting?: Meeting; now: Date },
): CardAttachment {
  const m = view.meeting;
  const start = m ? osloDateTime(m.startsAt) : undefined;
  const internal = view.partners.filter((p) => p.kind === 'internal');
  return expandCard('meetingForm', {
    caseId: view.caseId,
    meetingId: m?.id ?? '',
    version: String(m?.version ?? 0),
    isNew: !m,
    backVerb: m ? 'meetingOpen' : 'workOpen',
    title: t(m ? 'meeting.changeTitle' : 'meeting.newTitle', { reference: view.reference }),
    hint: t('meeting.formHint'),
    today: osloDate(view.now),
    kinds: meetingKinds.map((kind) => ({ value: kind, title: t(`meeting.kind.${kind}`) })),
    partners: view.partners.map((p) => ({ value: p.id, title: inert(partnerName(p)) })),
    referents: [{ value: COORDINATOR_WRITES, title: t('meeting.referentCoordinator') }, ...internal.map((p) => ({ value: p.userId, title: inert(p.name) }))],
    intervals: [
      { value: NO_REPEAT, title: t('meeting.every.none') },
      { value: 'w2', title: t('meeting.every.weeks', { n: 2 }) },
      { value: 'w4', title: t('meeting.every.weeks', { n: 4 }) },
      { value: 'w6', title: t('meeting.every.weeks', { n: 6 }) },
      { value: 'm3', title: t('meeting.every.months', { n: 3 }) },
      { value: 'm6', title: t('meeting.every.months', { n: 6 }) },
    ],
    values: {
      kind: m?.kind ?? 'coordination',
      date: start?.slice(0, 10) ?? '',
      from: start?.slice(11, 16) ?? '',
      to: m ? osloDateTime(m.endsAt).slice(11, 16) : '',
      place: m?.place ?? '',
      online: String(m?.online ?? true),
      participants: (m?.participants ?? []).join(','),
      residentTakesPart: String(m?.residentTakesPart ?? false),
      agenda: m?.agenda ?? '',
      referent: m?.referent ?? COORDINATOR_WRITES,
    },
    labels: {
      kind: t('meeting.field.kind'),
      date: t('meeting.field.date'),
      from: t('meeting.field.from'),
      to: t('meeting.field.to'),
      place: t('meeting.field.place'),
      online: t('meeting.field.online'),
      onlineLabel: t('meeting.field.onlineLabel'),
      participants: t('meeting.field.participants'),
      residentTakesPart: t('meeting.field.residentTakesPart'),
      residentLabel: t('meeting.field.residentLabel'),
      agenda: t('meeting.field.agenda'),
      agendaPlaceholder: t('meeting.field.agendaPlaceholder'),
      referent: t('meeting.field.referent'),
      seriesHeading: t('meeting.field.seriesHeading'),
      every: t('meeting.field.every'),
      until: t('meeting.field.until'),
      required: t('case.required'),
      save: t('meeting.save'),
      back: t(m ? 'meeting.back' : 'work.backToWork'),
    },
  });
}

/** The subject and content of the Teams meeting: the kind and the case reference, never who the resident is or what they need. */
export function teamsLinkFor(t: Translate, view: Pick<MeetingView, 'meeting' | 'attendees'>): string {
  const { meeting } = view;
  return teamsMeetingLink({
    subject: t('meeting.teamsSubject', { kind: t(`meeting.kind.${meeting.kind}`), reference: meeting.reference }),
    startsAt: meeting.startsAt,
    endsAt: meeting.endsAt,
    content: t('meeting.teamsContent', { reference: meeting.reference }),
    attendees: view.attendees,
  });
}

/** A meeting as its viewer may see it: time, place, who comes, the agenda and, once written, the referat. */
export function meetingCard(t: Translate, view: MeetingView & { viewer: string; now: Date; notice?: Notice; downloadUrl?: string }): CardAttachment {
  const { meeting: m, partners } = view;
  const now = view.now.toISOString();
  const planned = m.state === 'planned';
  const ahead = planned && m.startsAt > now;
  const begun = planned && m.startsAt <= now;
  const participantNames = m.participants.map((id) => {
    const partner = partners.find((p) => p.id === id);
    if (!partner) return t('task.owner.gone');
    const declined = partner.kind === 'internal' && m.declined.includes(partner.userId);
    return `${inert(partnerName(partner))}${declined ? ` (${t('meeting.cannotCome')})` : ''}`;
  });
  const me = partners.find((p) => p.kind === 'internal' && p.userId === view.viewer);
  const referent = m.referent ? partners.find((p) => p.kind === 'internal' && p.userId === m.referent) : undefined;
  const referat = m.referat;
  return expandCard('meeting', {
    ...noticeFields(view.notice),
    meetingId: m.id,
    caseId: m.caseId,
    version: String(m.version),
    title: t('meeting.title', { kind: t(`meeting.kind.${m.kind}`), reference: m.reference }),
    status: m.state === 'cancelled' ? t('meeting.cancelledMark') : begun && !referat && view.manages ? t('meeting.referatMissing') : '',
    facts: [
      { title: t('meeting.fact.resident'), value: inert(view.brief.residentName) },
      { title: t('meeting.fact.coordinator'), value: inert(view.brief.coordinator?.name ?? '') },
      { title: t('meeting.fact.time'), value: meetingTime(t, m) },
      { title: t('meeting.fact.place'), value: [m.place ? inert(m.place) : '', m.online ? t('meeting.onTeams') : ''].filter(Boolean).join(', ') },
      { title: t('meeting.fact.participants'), value: participantNames.join(', ') || '–' },
      { title: t('meeting.fact.residentTakesPart'), value: t(m.residentTakesPart ? 'meeting.residentYes' : 'meeting.residentNo') },
      { title: t('meeting.fact.referent'), value: referent?.kind === 'internal' ? inert(referent.name) : t('meeting.referentCoordinator') },
    ].filter((_fact, index) => index !== 0 || view.brief.residentName !== ''),
    agenda: m.agenda ?? '',
    hasReferat: referat !== undefined,
    referatFacts: referat
      ? [
          {
            title: t('referat.attended'),
            value:
              referat.attended
                .map((id) => partners.find((p) => p.id === id))
                .filter((p): p is Partner => p !== undefined)
                .map((p) => inert(partnerName(p)))
                .join(', ') || '–',
          },
          { title: t('referat.residentPresentFact'), value: t(referat.residentPresent ? 'meeting.residentYes' : 'meeting.residentNo') },
          { title: t('referat.recorded'), value: osloDateTime(referat.recordedAt) },
          ...(referat.journalisedAt ? [{ title: t('referat.journalisedFact'), value: osloDateTime(referat.journalisedAt) }] : []),
        ]
      : [],
    agreed: referat?.agreed.map((point) => inert(point)) ?? [],
    tasks: view.tasks.map((task) => inert(`${task.what} – ${ownerName(t, task.owner, partners)}, ${t('task.due', { date: task.dueOn })}`)),
    teamsLink: view.manages && ahead && m.online ? teamsLinkFor(t, view) : '',
    canDecline: !view.manages && ahead && me !== undefined && m.participants.includes(me.id) && !m.declined.includes(view.viewer),
    canWriteReferat: view.writesReferat && begun,
    canChange: view.manages && ahead,
    canJournalise: view.manages && referat !== undefined,
    journalised: Boolean(referat?.journalisedAt),
    downloadUrl: view.manages && referat ? (view.downloadUrl ?? '') : '',
    manages: view.manages,
    labels: {
      agenda: t('meeting.field.agenda'),
      referat: t('referat.heading'),
      agreed: t('referat.agreed'),
      tasks: t('work.tasks'),
      createTeams: t('meeting.createTeams'),
      decline: t('meeting.decline'),
      writeReferat: t(referat ? 'referat.correct' : 'referat.write'),
      change: t('meeting.change'),
      cancel: t('meeting.cancel'),
      asText: t('referat.asText'),
      download: t('referat.download'),
      journalise: t('referat.journalise'),
      back: t('work.backToWork'),
    },
  });
}

/** The referat form: who came (ticked from the invited), what was agreed, and up to four tasks. */
export function referatFormCard(t: Translate, view: MeetingView): CardAttachment {
  const { meeting: m, partners } = view;
  const invited = m.participants.map((id) => partners.find((p) => p.id === id)).filter((p): p is Partner => p !== undefined);
  const came = invited.filter((p) => !(p.kind === 'internal' && m.declined.includes(p.userId)));
  return expandCard('referatForm', {
    meetingId: m.id,
    version: String(m.version),
    meetingDate: osloDate(new Date(m.startsAt)),
    title: t('referat.title', { kind: t(`meeting.kind.${m.kind}`), reference: m.reference, time: meetingTime(t, m) }),
    hint: t('referat.hint'),
    invited: invited.map((p) => ({ value: p.id, title: inert(partnerName(p)) })),
    attendedDefault: (m.referat?.attended ?? came.map((p) => p.id)).join(','),
    residentDefault: String(m.referat?.residentPresent ?? m.residentTakesPart),
    agreedDefault: m.referat?.agreed.join('\n') ?? '',
    owners: ownerChoices(t, partners),
    rows: [1, 2, 3, 4].map((n) => ({ n: String(n), label: t('referat.taskWhat', { n }) })),
    labels: {
      attended: t('referat.attended'),
      residentPresent: t('referat.residentPresent'),
      residentLabel: t('meeting.field.residentLabel'),
      agreed: t('referat.agreed'),
      agreedPlaceholder: t('referat.agreedPlaceholder'),
      tasks: t('work.tasks'),
      tasksHint: t('referat.tasksHint'),
      owner: t('task.owner'),
      dueOn: t('task.dueOn'),
      required: t('case.required'),
      save: t('referat.save'),
      back: t('meeting.back'),
    },
  });
}

/** The referat as plain text, to paste into the municipality's journal system. */
export function referatText(t: Translate, view: MeetingView): string {
  const { meeting: m, partners } = view;
  const referat = m.referat;
  if (!referat) return '';
  const name = (id: string) => {
    const partner = partners.find((p) => p.id === id);
    return partner ? partnerName(partner) : t('task.owner.gone');
  };
  return [
    t('meeting.title', { kind: t(`meeting.kind.${m.kind}`), reference: m.reference }),
    `${t('meeting.fact.time')}: ${meetingTime(t, m)}`,
    ...(m.place ? [`${t('meeting.fact.place')}: ${m.place}`] : []),
    `${t('meeting.fact.coordinator')}: ${view.brief.coordinator?.name ?? ''}`,
    `${t('referat.attended')}: ${referat.attended.map(name).join(', ') || '–'}`,
    `${t('referat.residentPresentFact')}: ${t(referat.residentPresent ? 'meeting.residentYes' : 'meeting.residentNo')}`,
    ...(m.agenda ? ['', `${t('meeting.field.agenda')}:`, m.agenda] : []),
    '',
    `${t('referat.agreed')}:`,
    ...referat.agreed.map((point) => `- ${point}`),
    ...(view.tasks.length > 0
      ? [
          '',
          `${t('work.tasks')}:`,
          ...view.tasks.map((task) => `- ${task.what} (${ownerName(t, task.owner, partners)}, ${t('task.due', { date: task.dueOn })})`),
        ]
      : []),
  ].join('\n');
}

/** The referat's text in a box, easy to copy into the journal system. */
export function referatTextCard(t: Translate, view: MeetingView): CardAttachment {
  return workNoticeCard(t, {
    text: t('referat.textIntro'),
    lines: [referatText(t, view)],
    open: { verb: 'meetingOpen', title: t('meeting.back'), data: { verb: 'meetingOpen', meetingId: view.meeting.id } },
  });
}

/** A task as its owner or the coordinator sees it. */
export function taskCard(t: Translate, view: TaskView & { now: Date; notice?: Notice }): CardAttachment {
  const { task } = view;
  const open = task.state === 'open' && (view.owns || view.manages);
  return expandCard('task', {
    ...noticeFields(view.notice),
    taskId: task.id,
    caseId: task.caseId,
    title: t('task.title', { reference: task.reference }),
    what: inert(task.what),
    facts: [
      { title: t('meeting.fact.resident'), value: inert(view.brief.residentName) },
      { title: t('task.owner'), value: ownerName(t, task.owner, view.partners) },
      { title: t('task.dueOn'), value: dueText(t, task, view.now).due },
      { title: t('meeting.fact.coordinator'), value: inert(view.brief.coordinator?.name ?? '') },
      { title: t('task.state'), value: t(`task.state.${task.state}`) },
      ...(task.handedBackAt ? [{ title: t('task.handedBack'), value: inert(task.handedBackNote ?? osloDateTime(task.handedBackAt)) }] : []),
    ].filter((fact) => fact.value !== ''),
    open,
    canHandBack: open && view.owns && !view.manages,
    manages: view.manages,
    labels: {
      done: t('task.done'),
      postpone: t('task.postpone'),
      handBack: t('task.handBack'),
      note: t('task.handBackNote'),
      send: t('task.handBackSend'),
      back: t('work.backToWork'),
    },
  });
}

/** «Mine oppgaver»: open tasks across cases, the earliest deadline first. */
export function myTasksCard(t: Translate, view: { tasks: readonly Task[]; now: Date; notice?: Notice }): CardAttachment {
  return expandCard('myWork', {
    ...noticeFields(view.notice),
    refreshVerb: 'myTasks',
    openVerb: 'taskOpen',
    title: t('myTasks.title', { count: view.tasks.length }),
    empty: t('myTasks.empty'),
    items: view.tasks.map((task) => {
      const due = dueText(t, task, view.now);
      return {
        id: task.id,
        text: inert(task.what),
        sub: `${task.reference} · ${due.due}`,
        subColor: due.dueColor,
        canFinish: true,
        open: { verb: 'taskOpen', taskId: task.id },
      };
    }),
    labels: { done: t('task.done'), open: t('work.open') },
  });
}

/** «Mine møter»: the meetings to come of the cases one coordinates or takes part in. */
export function myMeetingsCard(t: Translate, view: { meetings: readonly Meeting[] }): CardAttachment {
  return expandCard('myWork', {
    notice: '',
    noticeColor: 'Default',
    refreshVerb: 'myMeetings',
    openVerb: 'meetingOpen',
    title: t('myMeetings.title', { count: view.meetings.length }),
    empty: t('myMeetings.empty'),
    items: view.meetings.map((m) => ({
      id: m.id,
      text: `${t(`meeting.kind.${m.kind}`)} – ${m.reference}`,
      sub: `${meetingTime(t, m)}${m.place ? `, ${inert(m.place)}` : ''}`,
      subColor: 'Default',
      canFinish: false,
      open: { verb: 'meetingOpen', meetingId: m.id },
    })),
    labels: { done: t('task.done'), open: t('work.open') },
  });
}

/** A card with words, optional lines, and one way onward. */
export function workNoticeCard(
  _t: Translate,
  view: { text: string; lines?: readonly string[]; open?: { verb: string; title: string; data: Record<string, string> } },
): CardAttachment {
  return expandCard('workNotice', { text: view.text, lines: view.lines ?? [], open: view.open ?? { verb: '', title: '', data: {} } });
}

const NOTICE_TEXT: Record<WorkNotice['kind'], MessageKey> = {
  partnerAdded: 'notify.partnerAdded',
  coordinatorChanged: 'notify.partnerCoordinatorChanged',
  caseClosed: 'notify.partnerCaseClosed',
  meetingInvite: 'notify.meetingInvite',
  meetingMoved: 'notify.meetingMoved',
  meetingCancelled: 'notify.meetingCancelled',
  referatShared: 'notify.referatShared',
  meetingDeclined: 'notify.meetingDeclined',
  taskAssigned: 'notify.taskAssigned',
  taskDone: 'notify.taskDone',
  taskHandedBack: 'notify.taskHandedBack',
  tasksCancelled: 'notify.tasksCancelled',
};

/**
 * What a person told about the case's work gets: the meeting card itself for an invitation, a move
 * or a referat; the task card for a task; otherwise a few words with a way in. Never the report's
 * need; the resident's name only on the cards partners may see.
 */
export function workNoticeFor(t: Translate, userId: string, notice: WorkNotice, now: Date): CardAttachment {
  const text = (params: Record<string, string | number>) => t(NOTICE_TEXT[notice.kind], params);
  switch (notice.kind) {
    case 'meetingInvite':
    case 'meetingMoved':
    case 'referatShared':
    case 'meetingCancelled':
      return meetingCard(t, {
        meeting: notice.meeting,
        brief: notice.brief,
        partners: notice.partners,
        tasks: [],
        manages: false,
        writesReferat: notice.meeting.referent === userId,
        attendees: [],
        viewer: userId,
        now,
        notice: { text: text({ reference: notice.meeting.reference }), tone: notice.kind === 'meetingCancelled' ? 'attention' : 'good' },
      });
    case 'taskAssigned':
      return taskCard(t, {
        task: notice.task,
        brief: notice.brief,
        partners: [],
        manages: false,
        owns: true,
        now,
        notice: { text: text({ reference: notice.task.reference, date: notice.task.dueOn }), tone: 'good' },
      });
    case 'partnerAdded': {
      const coordinator = notice.brief.coordinator;
      return workNoticeCard(t, {
        text: text({
          reference: notice.brief.reference,
          role: inert(notice.role),
          coordinator: inert(coordinator?.name ?? ''),
          unit: inert(coordinator?.unit ?? ''),
        }),
        lines: [t('partner.whatItMeans')],
        open: { verb: 'myMeetings', title: t('myMeetings.open'), data: { verb: 'myMeetings' } },
      });
    }
    case 'coordinatorChanged':
      return workNoticeCard(t, {
        text: text({
          reference: notice.brief.reference,
          coordinator: inert(notice.brief.coordinator?.name ?? ''),
          unit: inert(notice.brief.coordinator?.unit ?? ''),
        }),
      });
    case 'caseClosed':
      return workNoticeCard(t, { text: text({ reference: notice.brief.reference }) });
    case 'meetingDeclined':
      return workNoticeCard(t, {
        text: text({ name: inert(notice.name), reference: notice.meeting.reference, time: meetingTime(t, notice.meeting) }),
        open: { verb: 'meetingOpen', title: t('meeting.open'), data: { verb: 'meetingOpen', meetingId: notice.meeting.id } },
      });
    case 'taskDone':
    case 'taskHandedBack':
      return workNoticeCard(t, {
        text: text({ name: inert(notice.name), reference: notice.task.reference }),
        lines: [inert(notice.task.what), ...(notice.kind === 'taskHandedBack' && notice.task.handedBackNote ? [inert(notice.task.handedBackNote)] : [])],
        open: { verb: 'taskOpen', title: t('task.open'), data: { verb: 'taskOpen', taskId: notice.task.id } },
      });
    case 'tasksCancelled':
      return workNoticeCard(t, { text: text({ reference: notice.reference, count: notice.count }) });
  }
}

/** The line on the case card: the next meeting, and the open and overdue tasks. */
export function workSummaryFacts(
  t: Translate,
  summary: { nextMeeting?: Meeting; openTasks: number; overdueTasks: number },
): { title: string; value: string }[] {
  return [
    ...(summary.nextMeeting
      ? [{ title: t('case.nextMeeting'), value: `${t(`meeting.kind.${summary.nextMeeting.kind}`)}, ${meetingTime(t, summary.nextMeeting)}` }]
      : []),
    ...(summary.openTasks > 0
      ? [
          {
            title: t('case.tasksFact'),
            value: [
              t(summary.openTasks === 1 ? 'case.tasksOpenOne' : 'case.tasksOpenOther', { open: summary.openTasks }),
              ...(summary.overdueTasks > 0 ? [t('case.tasksOverdue', { overdue: summary.overdueTasks })] : []),
            ].join(', '),
          },
        ]
      : []),
  ];
}

/** The case's work in words for the case card and the close form (the case feature's `CaseWorkWords`). */
export function caseWorkWords(summary: (municipality: string, caseId: string) => Promise<WorkSummary>) {
  return {
    facts: async (t: Translate, municipality: string, caseId: string) => workSummaryFacts(t, await summary(municipality, caseId)),
    closeNote: async (t: Translate, municipality: string, caseId: string) => {
      const { partners, externalPartners } = await summary(municipality, caseId);
      if (externalPartners.length > 0) return [t('close.partnersNote'), ...externalPartners.map((p) => partnerLine(t, p))].join('\n');
      return partners > 0 ? t('close.internalPartnersNote') : undefined;
    },
  };
}
