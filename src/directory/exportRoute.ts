import type { RequestHandler } from 'restify';
import type { AuditLog } from '../audit/AuditLog.js';
import type { DirectoryService } from './DirectoryService.js';
import { exportFile } from './directoryFormats.js';
import type { ExportLinks } from './exportLinks.js';

/** `GET /api/directory/export?t=TOKEN`: the file behind a signed export link; audited as the admin who asked. Tokens are too long for a path parameter. */
export function exportRoute({ links, directory, audit }: { links: ExportLinks; directory: DirectoryService; audit: AuditLog }): RequestHandler {
  return async (req, res) => {
    const grant = links.verify(new URL(req.url ?? '', 'http://localhost').searchParams.get('t') ?? '');
    if (!grant || grant.format === 'residentAccess') {
      res.setHeader('content-type', 'text/plain; charset=utf-8');
      res.send(403, 'Lenken er ugyldig eller utløpt. Be om en ny i Koordinatorhjelpen («eksporter tjenesteoversikt»).');
      return;
    }
    const file = exportFile(grant.format, grant.municipality, await directory.list(grant.municipality, { includeRetired: true }));
    await audit.record(grant.municipality, { actor: grant.actor, action: 'directory.export', target: 'directory/*', details: { format: grant.format } });
    res.setHeader('content-type', file.contentType);
    res.setHeader('content-disposition', `attachment; filename="${file.fileName}"`);
    res.setHeader('cache-control', 'no-store');
    res.sendRaw(200, file.body);
  };
}
