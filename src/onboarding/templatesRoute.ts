import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RequestHandler } from 'restify';
import { translator } from '../i18n/translate.js';
import { TEMPLATE_FILES } from './cards.js';
import { templateWorkbook } from './templateWorkbook.js';

const folder = fileURLToPath(new URL('../../templates/', import.meta.url));

/** The Excel templates: the CSV template's rows as a workbook with drop-down lists and a sheet explaining each column (bokmål). */
export const WORKBOOK_TEMPLATES = { 'cases.xlsx': 'cases', 'people.xlsx': 'people' } as const;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * `GET /templates/:name`: the import templates (no personal data: example rows only), as CSV with a
 * BOM so Excel reads ÆØÅ, and the cases and people templates as Excel workbooks.
 */
export function templatesRoute(): RequestHandler {
  const files = new Map(Object.values(TEMPLATE_FILES).map((name) => [name, `\uFEFF${readFileSync(`${folder}${name}`, 'utf8')}`]));
  const workbooks = new Map<string, Promise<Buffer>>();
  for (const [name, kind] of Object.entries(WORKBOOK_TEMPLATES))
    workbooks.set(name, templateWorkbook(kind, readFileSync(`${folder}${kind}.csv`, 'utf8'), translator('nb')));
  return async (req, res) => {
    const name = String(req.params?.name ?? '');
    const workbook = workbooks.get(name);
    if (workbook) {
      const bytes = await workbook;
      res.writeHead(200, { 'content-type': XLSX, 'content-length': bytes.length, 'content-disposition': `attachment; filename="${name}"` });
      res.end(bytes);
      return;
    }
    const body = files.get(name);
    if (!body) {
      res.send(404);
      return;
    }
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="${name}"`);
    res.sendRaw(200, body);
  };
}
