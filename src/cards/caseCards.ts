import type { Attachment } from 'botbuilder';
import type { Case } from '../cases/Case.js';
import type { NotificationKind } from '../cases/transitions.js';
import type { DirectoryEntry } from '../directory/DirectoryEntry.js';
import type { Translate } from '../i18n/translate.js';
import { expandCard } from './expandCard.js';

/** The meldeskjema. `submissionId` makes a double click or a resent activity create one case. */
export function reportFormCard(t: Translate, view: { services: readonly DirectoryEntry[]; submissionId: string; reporterUnit?: string }): Attachment {
  const key = (k: string) => t(`report.form.${k}` as Parameters<Translate>[0]);
  return expandCard('reportForm', {
    labels: {
      ...Object.fromEntries(
        ['title', 'intro', 'residentName', 'residentBirthDate', 'ageGroup', 'services', 'need', 'needPlaceholder', 'consentHeading', 'consentGiven', 'consentGivenBy', 'consentForm', 'consentDate', 'wishedCoordinator', 'reporterUnit', 'required', 'consentRequired', 'servicesRequired', 'submit'].map((k) => [k, key(k)]),
      ),
      child: t('report.form.ageGroup.child'),
      adult: t('report.form.ageGroup.adult'),
      resident: t('report.form.consentGivenBy.resident'),
      nextOfKin: t('report.form.consentGivenBy.nextOfKin'),
      guardian: t('report.form.consentGivenBy.guardian'),
      oral: t('report.form.consentForm.oral'),
      written: t('report.form.consentForm.written'),
    },
    services: view.services.map((entry) => ({ title: entry.name === entry.unit ? entry.name : `${entry.name} (${entry.unit})`, value: entry.id })),
    submissionId: view.submissionId,
    reporterUnit: view.reporterUnit ?? '',
  });
}

export function reportReceiptCard(t: Translate, c: Case): Attachment {
  return expandCard('reportReceipt', {
    title: t('report.receipt.title'),
    body: t('report.receipt.body'),
    referenceLabel: t('report.receipt.reference'),
    reference: c.reference,
    next: t('report.receipt.next'),
  });
}

/** A proactive notice: what happened to which case reference, and a way in. Never health details. */
export function caseNotificationCard(t: Translate, view: { kind: NotificationKind; caseId: string; reference: string }): Attachment {
  return expandCard('caseNotification', { text: t(`notify.${view.kind}`, { reference: view.reference }), open: t('case.open'), caseId: view.caseId });
}

/** The case as its viewer may see it; KE gets the decision actions while the case awaits one. */
export function caseDetailsCard(
  t: Translate,
  view: { case: Case; etag: string; canDecide: boolean; canPropose: boolean; people: readonly { userId: string; name: string }[]; serviceNames: ReadonlyMap<string, string> },
): Attachment {
  const c = view.case;
  const report = c.report;
  return expandCard('caseDetails', {
    title: t('case.title', { reference: c.reference }),
    facts: [
      { title: t('case.state'), value: t(`case.state.${c.state}`) },
      { title: t('case.resident'), value: `${report.resident.name}, ${report.resident.birthDate} (${t(`report.form.ageGroup.${report.ageGroup}`)})` },
      { title: t('case.services'), value: report.servicesInvolved.map((id) => view.serviceNames.get(id) ?? id).join(', ') },
      { title: t('case.consent'), value: `${t(`report.form.consentGivenBy.${report.consent.givenBy}`)}, ${t(`report.form.consentForm.${report.consent.form}`).toLowerCase()}, ${report.consent.date}` },
      { title: t('case.reporterUnit'), value: report.reporter.unit },
      ...(report.wishedCoordinator ? [{ title: t('case.wishedCoordinator'), value: report.wishedCoordinator }] : []),
      ...(c.coordinator ? [{ title: t('case.coordinatorFact'), value: `${c.coordinator.name ?? c.coordinator.userId} (${c.coordinator.unit})` }] : []),
      ...(c.plan ? [{ title: t('case.planStarted'), value: c.plan.startedAt }] : []),
    ],
    needLabel: t('case.need'),
    need: report.need,
    canDecide: view.canDecide,
    canPropose: view.canPropose,
    people: view.people,
    caseId: c.id,
    etag: view.etag,
    labels: {
      accept: t('case.accept'),
      decline: t('case.decline'),
      declineReason: t('case.declineReason'),
      proposeHeading: t('case.proposeHeading'),
      coordinator: t('case.coordinator'),
      unit: t('case.unit'),
      propose: t('case.propose'),
      required: t('case.required'),
    },
  });
}

/**
 * The leader's approval card (Universal Actions). The same function renders it open, decided or
 * replaced, so every copy — a second leader's, a stale one — refreshes to the truth.
 */
export function approvalCard(t: Translate, c: Case, proposalId: string): Attachment {
  const open = c.state === 'coordinatorProposed' && c.proposal?.id === proposalId;
  const proposed = open ? c.proposal!.coordinator : c.coordinator?.proposalId === proposalId ? c.coordinator : c.declinedProposals.find((p) => p.id === proposalId)?.coordinator;
  const declined = c.declinedProposals.find((p) => p.id === proposalId);
  const date = (iso: string) => iso.slice(0, 10);
  const outcome = open
    ? ''
    : c.coordinator?.proposalId === proposalId
      ? t('approval.approved', { date: date(c.coordinator.appointedAt) })
      : declined
        ? t('approval.declined', { date: date(declined.declinedAt) })
        : t('approval.closed');
  return expandCard('approval', {
    caseId: c.id,
    proposalId,
    title: t('approval.title', { reference: c.reference }),
    body: t('approval.body', { name: proposed?.name ?? proposed?.userId ?? '?', unit: proposed?.unit ?? '?' }),
    open,
    outcome,
    outcomeColor: c.coordinator?.proposalId === proposalId ? 'Good' : 'Attention',
    reasonLabel: t('approval.reason'),
    approveLabel: t('approval.approve'),
    declineLabel: t('approval.decline'),
  });
}

export const startChecklistItems = ['consentSigned', 'expectationsClarified', 'contactAgreed', 'partnersInformed', 'nextMeetingAgreed'] as const;

/** What the coordinator gets on approval: the case reference, what the role means, and the start checklist from the seeds. */
export function welcomeCoordinatorCard(t: Translate, c: Case): Attachment {
  return expandCard('welcomeCoordinator', {
    caseId: c.id,
    title: t('welcome.coordinator.title', { reference: c.reference }),
    intro: t('welcome.coordinator.intro'),
    roleHeading: t('welcome.coordinator.roleHeading'),
    role: t('welcome.coordinator.role'),
    checklistHeading: t('welcome.coordinator.checklistHeading'),
    checklist: t('welcome.coordinator.checklist'),
    training: t('welcome.coordinator.training'),
    startLabel: t('welcome.coordinator.start'),
    openLabel: t('case.open'),
  });
}

export function startPlanCard(t: Translate, c: Case, etag: string): Attachment {
  return expandCard('startPlan', {
    caseId: c.id,
    etag,
    title: t('start.title', { reference: c.reference }),
    hint: t('start.hint'),
    labels: { startedAt: t('start.startedAt'), firstMeeting: t('start.firstMeeting'), required: t('start.required'), submit: t('start.submit') },
    items: startChecklistItems.map((id) => ({ id, title: t(`start.item.${id}`) })),
  });
}

export type CaseListView = 'mine' | 'leading' | 'all';

/** A page of cases, newest activity first; rows name the reference and status, never the resident. */
export function caseListCard(
  t: Translate,
  view: { list: CaseListView; cases: readonly Case[]; more?: string; showFilter: boolean; selectedState?: string; states: readonly string[] },
): Attachment {
  return expandCard('caseList', {
    heading: t(`cases.${view.list}`),
    list: view.list,
    showFilter: view.showFilter,
    filterLabel: t('cases.filter'),
    filterSubmit: t('cases.filterSubmit'),
    selectedState: view.selectedState ?? '',
    states: [{ title: t('cases.filterAll'), value: '' }, ...view.states.map((state) => ({ title: t(`case.state.${state}` as Parameters<Translate>[0]), value: state }))],
    empty: t('cases.empty'),
    rows: view.cases.map((c) => ({
      caseId: c.id,
      reference: c.reference,
      detail: t('cases.detail', { state: t(`case.state.${c.state}`), ageGroup: t(`report.form.ageGroup.${c.report.ageGroup}`) }),
      updated: t('cases.updated', { date: c.updatedAt.slice(0, 10) }),
    })),
    more: view.more ?? '',
    moreLabel: t('cases.more'),
  });
}
