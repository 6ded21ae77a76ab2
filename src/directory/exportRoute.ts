import type { RequestHandler } from 'restify';
import type { AuditLog } from '../audit/AuditLog.js';
import type { DirectoryService } from './DirectoryService.js';
import { directoryFormats, exportFile } from './directoryFormats.js';
import type { DirectoryFormat } from './directoryFormats.js';
import { grantOf, type ExportGrant, type ExportLinks } from '../links/ExportLinks.js';

/** `GET /api/directory/export?t=TOKEN`: the file behind a signed export link, once; audited as the admin who asked, with where it was fetched from. */
export function exportRoute({ links, directory, audit }: { links: ExportLinks; directory: DirectoryService; audit: AuditLog }): RequestHandler {
  return async (req, res) => {
    const redeemed = await grantOf(
      links,
      req,
      res,
      (grant): grant is ExportGrant & { format: DirectoryFormat } => (directoryFormats as readonly string[]).includes(grant.format),
      '«eksporter tjenesteoversikt»',
    );
    if (!redeemed) return;
    const { grant, fetchedFrom } = redeemed;
    const file = exportFile(grant.format, grant.municipality, await directory.list(grant.municipality, { includeRetired: true }));
    await audit.record(grant.municipality, {
      actor: grant.actor,
      action: 'directory.export',
      target: 'directory/*',
      details: { format: grant.format, link: grant.id, ...fetchedFrom },
    });
    res.setHeader('content-type', file.contentType);
    res.setHeader('content-disposition', `attachment; filename="${file.fileName}"`);
    res.setHeader('cache-control', 'no-store');
    res.sendRaw(200, file.body);
  };
}
