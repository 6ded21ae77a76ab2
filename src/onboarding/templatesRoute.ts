import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RequestHandler } from 'restify';
import { TEMPLATE_FILES } from './routes.js';

const folder = fileURLToPath(new URL('../../templates/', import.meta.url));

/** `GET /templates/:name`: the import templates (no personal data: example rows only), as CSV with a BOM so Excel reads ÆØÅ. */
export function templatesRoute(): RequestHandler {
  const files = new Map(Object.values(TEMPLATE_FILES).map((name) => [name, `\uFEFF${readFileSync(`${folder}${name}`, 'utf8')}`]));
  return async (req, res) => {
    const body = files.get(String(req.params?.name ?? ''));
    if (!body) {
      res.send(404);
      return;
    }
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="${String(req.params.name)}"`);
    res.sendRaw(200, body);
  };
}
