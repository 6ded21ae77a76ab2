import type { RequestHandler } from 'restify';
import type { AuditLog } from '../audit/AuditLog.js';
import { describeError } from '../conversation/errorReply.js';
import { grantOf, type ExportGrant, type ExportLinks } from '../links/ExportLinks.js';
import { translator } from '../i18n/translate.js';
import type { Roles } from '../roles/Roles.js';
import type { CoordinationService } from './CoordinationService.js';
import { referatDocument } from './referatDocument.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * `/api/referat?t=…`: a meeting's referat as a Word document, through a one-time signed link the
 * meeting card gives its coordinator. The meeting is read as the person the link was made for (their
 * access is checked again and the read audited), and the download is audited with where it came from.
 */
export function referatRoute({
  links,
  coordination,
  roles,
  audit,
}: {
  links: ExportLinks;
  coordination: CoordinationService;
  roles: Roles;
  audit: AuditLog;
}): RequestHandler {
  return async (req, res) => {
    const redeemed = await grantOf(
      links,
      req,
      res,
      (grant): grant is ExportGrant & { format: 'referatDocx'; meetingId: string } => grant.format === 'referatDocx' && Boolean(grant.meetingId),
      '«mine møter»',
    );
    if (!redeemed) return;
    const { grant, fetchedFrom } = redeemed;
    const t = translator(grant.locale);
    let file: Buffer;
    let reference: string;
    try {
      const actor = await roles.actor(grant.municipality, grant.actor);
      const view = await coordination.meeting(actor, grant.meetingId);
      if (!view.manages || !view.meeting.referat) throw new Error('no referat to download');
      file = await referatDocument(t, view);
      reference = view.meeting.reference;
    } catch (error) {
      res.setHeader('content-type', 'text/plain; charset=utf-8');
      const reply = describeError(error, t, '');
      return void res.send(403, reply.expected ? reply.text : t('link.invalid', { command: '«mine møter»' }));
    }
    await audit.record(grant.municipality, { actor: grant.actor, action: 'work.referat.download', target: `case/${reference}`, details: { ...fetchedFrom } });
    res.writeHead(200, {
      'content-type': DOCX,
      'content-length': file.length,
      'content-disposition': `attachment; filename="referat-${reference}.docx"`,
      'cache-control': 'no-store',
    });
    res.end(file);
  };
}
