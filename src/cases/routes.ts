import type { Application } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { caseDetailsCard, reportFormCard, reportReceiptCard } from '../cards/caseCards.js';
import type { AppTurnState } from '../conversation/AppTurnState.js';
import { turnScope } from '../conversation/turnScope.js';
import type { DirectoryService } from '../directory/DirectoryService.js';
import { InputError } from '../errors.js';
import type { Roles } from '../roles/Roles.js';
import type { CaseService } from './CaseService.js';

const caseRef = z.object({ caseId: z.string().regex(/^case-[0-9a-f-]{36}$/) });
const decisionData = caseRef.extend({ etag: z.string().min(1).max(100), reason: z.string().max(500).optional() });

export interface CaseRouteDeps {
  cases: CaseService;
  roles: Roles;
  directory: DirectoryService;
}

/** Reporting a need (meldeskjema), opening a case, and KE's decision. */
export function caseRoutes(app: Application<AppTurnState>, { cases, roles, directory }: CaseRouteDeps) {
  async function actorOf(context: TurnContext, state: AppTurnState) {
    const scope = turnScope(context, state);
    return { ...scope, actor: await roles.actor(scope.municipality, scope.userId) };
  }

  function parse<T>(schema: z.ZodType<T>, data: unknown, message: string): T {
    const parsed = schema.safeParse(data);
    if (!parsed.success) throw new InputError(message);
    return parsed.data;
  }

  app.adaptiveCards.actionSubmit('reportSubmit', async (context, state, data) => {
    const { t, actor } = await actorOf(context, state);
    const reported = await cases.report(actor, data);
    await context.sendActivity({ attachments: [reportReceiptCard(t, reported)] });
  });

  app.adaptiveCards.actionSubmit('caseOpen', async (context, state, data) => {
    const { t, actor, municipality } = await actorOf(context, state);
    const { caseId } = parse(caseRef, data, t('error.unknownAction'));
    const doc = await cases.get(actor, caseId);
    const serviceNames = new Map((await directory.list(municipality, { includeRetired: true })).map((entry) => [entry.id, entry.name]));
    const canDecide = actor.isKe && (doc.data.state === 'reported' || doc.data.state === 'underAssessment');
    await context.sendActivity({ attachments: [caseDetailsCard(t, { case: doc.data, etag: doc.etag, canDecide, serviceNames })] });
  });

  app.adaptiveCards.actionSubmit('caseAccept', async (context, state, data) => {
    const { t, actor } = await actorOf(context, state);
    const { caseId, etag } = parse(decisionData, data, t('error.unknownAction'));
    const accepted = await cases.act(actor, caseId, { type: 'accept' }, etag);
    await context.sendActivity(t('case.accepted', { reference: accepted.reference }));
  });

  app.adaptiveCards.actionSubmit('caseDecline', async (context, state, data) => {
    const { t, actor } = await actorOf(context, state);
    const { caseId, etag, reason } = parse(decisionData, data, t('error.unknownAction'));
    if (!reason?.trim()) throw new InputError(t('case.declineReasonRequired'));
    const declined = await cases.act(actor, caseId, { type: 'decline', reason }, etag);
    await context.sendActivity(t('case.declined', { reference: declined.reference }));
  });

  return {
    /** The menu's «Meld behov»: the form, with the municipality's services to choose from. */
    showReportForm: async (context: TurnContext, state: AppTurnState) => {
      const { t, municipality } = turnScope(context, state);
      const services = await directory.list(municipality);
      await context.sendActivity({ attachments: [reportFormCard(t, { services, submissionId: randomUUID() })] });
    },
  };
}
