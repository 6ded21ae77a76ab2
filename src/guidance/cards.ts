import { closingChecklistItems } from '../cases/Case.js';
import type { Capability } from '../conversation/capabilities.js';
import { guidanceCatalogues, type GuidanceTopic } from '../i18n/guidance.js';
import type { Locale, MessageKey } from '../i18n/messages.js';
import type { Translate } from '../i18n/translate.js';
import { expandCard, type CardAttachment } from '../cards/expandCard.js';

/** The menu's groups, in reading order. */
const GROUPS: readonly { heading: MessageKey; topics: readonly GuidanceTopic[] }[] = [
  { heading: 'guidance.group.role', topics: ['role', 'notRole', 'whoCan', 'children', 'childCoordinator', 'training'] },
  { heading: 'guidance.group.plan', topics: ['ip', 'meetings', 'start', 'followUp'] },
  { heading: 'guidance.group.case', topics: ['report', 'appointment', 'change', 'transfer', 'closing'] },
  { heading: 'guidance.group.responsibility', topics: ['ke', 'leader', 'law', 'complaint'] },
];

const RELATED: Record<GuidanceTopic, readonly GuidanceTopic[]> = {
  role: ['notRole', 'whoCan', 'training'],
  notRole: ['role', 'followUp'],
  whoCan: ['appointment', 'training'],
  children: ['childCoordinator', 'role', 'meetings'],
  childCoordinator: ['children', 'report', 'complaint'],
  training: ['role', 'ke'],
  ip: ['meetings', 'law', 'start'],
  meetings: ['ip', 'followUp'],
  start: ['followUp', 'meetings'],
  followUp: ['meetings', 'closing'],
  report: ['appointment', 'law'],
  appointment: ['whoCan', 'leader'],
  change: ['transfer', 'closing'],
  transfer: ['change'],
  closing: ['change'],
  ke: ['report', 'training'],
  leader: ['appointment', 'training'],
  law: ['ip', 'complaint'],
  complaint: ['law', 'ke'],
};

/** Where a topic leads in the bot: reporting, or the cases where change, transfer and closing start. */
const NEXT: Partial<Record<GuidanceTopic, Capability>> = {
  report: 'report',
  childCoordinator: 'report',
  start: 'cases',
  followUp: 'cases',
  change: 'cases',
  transfer: 'cases',
  closing: 'cases',
};

/** The seeds' checklists, from the same catalogue entries the case cards use. */
function checklist(t: Translate, topic: GuidanceTopic): string {
  if (topic === 'start') return t('welcome.coordinator.checklist');
  if (topic === 'childCoordinator') return t('welcome.childCoordinator.checklist');
  if (topic === 'transfer') return t('transfer.hint');
  if (topic === 'closing') return closingChecklistItems.map((item) => `- ${t(`close.item.${item}`)}`).join('\n');
  return '';
}

export function guidanceMenuCard(t: Translate, locale: Locale): CardAttachment {
  const texts = guidanceCatalogues[locale];
  return expandCard('guidanceMenu', {
    title: t('guidance.menu.title'),
    intro: t('guidance.menu.intro'),
    groups: GROUPS.map((group) => ({ heading: t(group.heading), topics: group.topics.map((topic) => ({ topic, title: texts[topic].title })) })),
  });
}

/** One short answer, its checklist when the seeds have one, whom to call, and where to go next. */
export function guidanceAnswerCard(t: Translate, locale: Locale, topic: GuidanceTopic, contact?: { name: string; phone: string }): CardAttachment {
  const texts = guidanceCatalogues[locale];
  const next = NEXT[topic];
  return expandCard('guidanceAnswer', {
    title: texts[topic].title,
    answer: texts[topic].answer,
    checklistHeading: t('guidance.checklist'),
    checklist: checklist(t, topic),
    contact: contact ? t('guidance.contact', contact) : '',
    source: t('guidance.source'),
    relatedHeading: t('guidance.related'),
    related: RELATED[topic].map((other) => ({ topic: other, title: texts[other].title })),
    next: next ? [{ capability: next, title: t(`capability.${next}.title`) }] : [],
    allTopics: t('guidance.allTopics'),
  });
}
