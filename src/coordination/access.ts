import type { CaseBrief, CaseState } from '../cases/Case.js';
import type { Actor } from '../roles/Actor.js';
import type { Meeting, Partner, Task } from './CaseWork.js';

export type { CaseBrief };

/** States in which a plan has a coordinator to run its work (the old coordinator keeps it through a change or transfer). */
const WORKING: readonly CaseState[] = ['coordinatorAppointed', 'planInProgress', 'changeReported', 'coordinatorProposed'];

/** Whether the case's work can still change: it has a coordinator and is not closed. */
export const isWorking = (brief: CaseBrief) => WORKING.includes(brief.state) && brief.coordinator !== undefined;

/** The coordinator and KE keep the partners, plan and change meetings and share out tasks. */
export function mayManage(brief: CaseBrief, actor: Actor): boolean {
  return actor.municipality === brief.municipality && (actor.isKe || brief.coordinator?.userId === actor.userId);
}

/** The partner entry an internal person has on the case, if any. */
export function partnerOf(partners: readonly Partner[], userId: string) {
  return partners.find((p): p is Extract<Partner, { kind: 'internal' }> => p.kind === 'internal' && p.userId === userId);
}

/** The coordinator, KE, and the internal partners invited see a meeting (and its referat). */
export function mayViewMeeting(brief: CaseBrief, meeting: Meeting, partners: readonly Partner[], actor: Actor): boolean {
  if (mayManage(brief, actor)) return true;
  const partner = partnerOf(partners, actor.userId);
  return actor.municipality === brief.municipality && partner !== undefined && meeting.participants.includes(partner.id);
}

/** The referat is written by the coordinator (or KE) or by the participant named as referent. */
export function mayWriteReferat(brief: CaseBrief, meeting: Meeting, actor: Actor): boolean {
  return mayManage(brief, actor) || (actor.municipality === brief.municipality && meeting.referent === actor.userId);
}

/** A task is acted on by its owner in the bot, or by the coordinator (and KE). */
export function mayActOnTask(brief: CaseBrief, task: Task, actor: Actor): boolean {
  return mayManage(brief, actor) || (actor.municipality === brief.municipality && task.ownerUserId === actor.userId);
}
