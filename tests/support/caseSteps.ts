import type { Chat } from './chat.js';
import type { SentActivity } from './fakeConnector.js';
import { reportForm } from './reportForm.js';

export const cardOf = (a: SentActivity) =>
  (a.body.attachments?.[0]?.content ?? {}) as { actions?: { title: string; type: string; verb?: string; data: Record<string, string> }[]; body?: unknown };
export const textOf = (a: SentActivity) => JSON.stringify(a.body);
export const referenceIn = (a: SentActivity) => /[A-Z]+-\d{4}-\d{4}/.exec(textOf(a))?.[0];

/** The card action with this verb, as the user would press it: its data with the verb (for `say` or `press`). */
export function action(a: SentActivity, verb: string): Record<string, string> {
  const found = cardOf(a).actions?.find((candidate) => (candidate.verb ?? candidate.data?.verb) === verb);
  if (!found) throw new Error(`no ${verb} action on the card: ${textOf(a).slice(0, 300)}`);
  return { verb, ...found.data };
}

/** A Universal Action anywhere on the card (rows carry their own buttons; `nth` when several share a verb), as the user would press it. */
export function anyAction(a: SentActivity, verb: string, nth = 0): Record<string, unknown> {
  const found: Record<string, unknown>[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record.type === 'Action.Execute' && record.verb === verb) found.push(record);
      Object.values(record).forEach(walk);
    }
  };
  walk(a.body.attachments?.[0]?.content);
  if (!found[nth]) throw new Error(`no ${verb} action on the card`);
  return { verb, ...(found[nth].data as Record<string, unknown>) };
}

/** The words at the top of a living card: what just happened, or why nothing changed. */
export const noticeOf = (a: SentActivity) => (cardOf(a).body as { text?: string }[] | undefined)?.[0]?.text ?? a.body.text ?? '';

/** The leader presses «Godkjenn» on the approval card they got; returns what the bot then posted (`expected` activities). */
export async function approveFrom(chat: Chat, sent: readonly SentActivity[], leader: string, expected: number): Promise<SentActivity[]> {
  const approval = sent.find((a) => a.conversationId === `a:${leader}`);
  if (!approval) throw new Error(`${leader} got no approval card`);
  const approve = cardOf(approval).actions!.find((a) => a.data.decision === 'approve')!;
  const before = chat.connector.sent.length;
  await chat.execute(leader, approve.verb!, approve.data);
  return (await chat.connector.waitFor(before + expected)).slice(before);
}

/** What a KE admin saves on the roles card. */
export async function setRoles(chat: Chat, keAdmin: string, userId: string, roles: { unit?: string; leads?: string; ke?: boolean }): Promise<void> {
  const [saved] = await chat.say(keAdmin, {
    value: { verb: 'rolesSave', userId, keMember: String(roles.ke ?? false), keAdmin: 'false', unit: roles.unit ?? '', leads: roles.leads ?? '' },
  });
  if (!saved?.body.text?.startsWith('Lagret')) throw new Error(`roles not saved: ${saved && textOf(saved)}`);
}

/**
 * Drives a case through the real chat until the coordinator has recorded the start of IP work:
 * report → KE accepts → KE proposes → the leader approves → the coordinator starts.
 * Returns the case id and reference.
 */
export async function caseInProgress(
  chat: Chat,
  people: { reporter: string; ke: string; coordinator: string; unit: string; leader: string },
): Promise<{ caseId: string; reference: string }> {
  const form = reportForm({ verb: 'reportSubmit' });
  const caseId = `case-${form.submissionId as string}`;
  const [receipt] = await chat.sayExpecting(people.reporter, { value: form }, 2);
  const reference = referenceIn(receipt!)!;
  const [opened] = await chat.say(people.ke, { value: { verb: 'caseOpen', caseId } });
  // The card KE clicked becomes the accepted case, with the next step on it.
  const [accepted] = await chat.press(people.ke, action(opened!, 'caseAccept'), 1);
  const proposed = await chat.press(people.ke, { ...action(accepted!, 'caseProposeCoordinator'), coordinator: people.coordinator, unit: people.unit }, 1);
  await approveFrom(chat, proposed, people.leader, 2);
  const [startForm] = await chat.press(people.coordinator, { verb: 'caseStartForm', caseId });
  await chat.press(people.coordinator, { ...action(startForm!, 'caseStartPlan'), startedAt: '2026-11-24', consentSigned: 'true' }, 1);
  return { caseId, reference };
}
