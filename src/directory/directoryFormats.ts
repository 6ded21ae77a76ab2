import { stringify } from 'csv-stringify/sync';
import type { MunicipalityId } from '../municipalities/Municipality.js';
import type { Problem } from '../files/Problem.js';
import { FORMULA, spreadsheetText } from '../files/cells.js';
import { readTable } from '../files/tabularFile.js';
import { directoryEntrySchema, type DirectoryEntry } from './DirectoryEntry.js';

export const directoryFormats = ['json', 'csv', 'hsds'] as const;
export type DirectoryFormat = (typeof directoryFormats)[number];

const CSV_COLUMNS = [
  'id',
  'category',
  'unit',
  'name',
  'phones',
  'email',
  'web',
  'contactRole',
  'offers',
  'targetGroup',
  'ageMin',
  'ageMax',
  'howToApply',
  'keywords',
  'lastReviewed',
  'retired',
] as const;

/** One row per entry; phones as "number label; number label", keywords comma-separated. Comma-separated, as Excel reads UTF-8 CSV with a BOM. */
export function toCsv(entries: readonly DirectoryEntry[]): string {
  return stringify(
    entries.map((entry) =>
      Object.fromEntries(
        Object.entries({
          ...entry,
          phones: entry.phones.map((phone) => [phone.number, phone.label].filter(Boolean).join(' ')).join('; '),
          keywords: entry.keywords.join(', '),
          retired: entry.retired ? 'ja' : '',
        }).map(([key, value]) => [key, spreadsheetText(value)]),
      ),
    ),
    { header: true, columns: [...CSV_COLUMNS], bom: true },
  );
}

/** A CSV row (as `toCsv` writes it) as a raw entry; the schema validates it. */
function entryFromCsv(row: Record<string, string>): unknown {
  const optional = (key: string) => (row[key] ? row[key] : undefined);
  const number = (key: string) => (row[key] ? Number(row[key]) : undefined);
  return {
    id: row.id,
    category: row.category,
    unit: row.unit,
    name: row.name,
    phones: (row.phones ?? '')
      .split(';')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const [, digits = '', label] = /^([\d\s]+?)\s*(?:([^\d\s].*))?$/u.exec(part) ?? [];
        return label ? { number: digits.replace(/\s/g, ''), label } : { number: digits.replace(/\s/g, '') };
      }),
    email: optional('email'),
    web: optional('web'),
    contactRole: optional('contactRole'),
    offers: row.offers,
    targetGroup: optional('targetGroup'),
    ageMin: number('ageMin'),
    ageMax: number('ageMax'),
    howToApply: optional('howToApply'),
    keywords: (row.keywords ?? '')
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean),
    lastReviewed: row.lastReviewed,
    retired: row.retired === 'ja' || row.retired === 'true' ? true : undefined,
  };
}

interface HsdsFile {
  organizations?: { id?: string; name?: string }[];
  services: {
    id?: string;
    organization_id?: string;
    name?: string;
    description?: string;
    url?: string | null;
    email?: string | null;
    status?: string;
    application_process?: string | null;
    eligibility_description?: string | null;
    minimum_age?: number | null;
    maximum_age?: number | null;
    last_modified?: string;
    categories?: string[];
    keywords?: string[];
    phones?: { number?: string; description?: string | null }[];
    contacts?: { title?: string | null }[];
  }[];
}

/** Raw entries from an Open Referral HSDS file (as `toHsds` writes it, or another HSDS tool): services with their organisation as the unit. */
function fromHsds(file: HsdsFile): unknown[] {
  const units = new Map((file.organizations ?? []).map((org) => [org.id, org.name]));
  const orUndefined = <T>(value: T | null | undefined) => (value === null ? undefined : value);
  return file.services.map((service) => ({
    id: service.id,
    category: service.categories?.[0],
    unit: units.get(service.organization_id) ?? service.organization_id,
    name: service.name,
    phones: (service.phones ?? []).map((phone) => ({
      number: (phone.number ?? '').replace(/\s/g, ''),
      ...(phone.description ? { label: phone.description } : {}),
    })),
    email: orUndefined(service.email),
    web: orUndefined(service.url),
    contactRole: orUndefined(service.contacts?.[0]?.title),
    offers: service.description,
    targetGroup: orUndefined(service.eligibility_description),
    ageMin: orUndefined(service.minimum_age),
    ageMax: orUndefined(service.maximum_age),
    howToApply: orUndefined(service.application_process),
    keywords: service.keywords ?? [],
    lastReviewed: service.last_modified?.slice(0, 10),
    retired: service.status === 'inactive' ? true : undefined,
  }));
}

/**
 * Open Referral HSDS 3.0 shaped export: organizations (units), services, phones and eligibility,
 * linked by id, so the directory can move to other HSDS tools.
 */
export function toHsds(municipality: MunicipalityId, entries: readonly DirectoryEntry[]) {
  const orgId = (unit: string) => `${municipality}-org-${unit.toLowerCase().replace(/[^a-z0-9æøå]+/g, '-')}`;
  const units = [...new Set(entries.map((entry) => entry.unit))];
  return {
    organizations: units.map((unit) => ({ id: orgId(unit), name: unit, description: unit })),
    services: entries.map((entry) => ({
      id: entry.id,
      organization_id: orgId(entry.unit),
      name: entry.name,
      description: entry.offers,
      url: entry.web ?? null,
      email: entry.email ?? null,
      status: entry.retired ? 'inactive' : 'active',
      application_process: entry.howToApply ?? null,
      eligibility_description: entry.targetGroup ?? null,
      minimum_age: entry.ageMin ?? null,
      maximum_age: entry.ageMax ?? null,
      last_modified: entry.lastReviewed,
      categories: [entry.category],
      keywords: entry.keywords,
      phones: entry.phones.map((phone, index) => ({ id: `${entry.id}-phone-${index + 1}`, number: phone.number, description: phone.label ?? null })),
      contacts: entry.contactRole ? [{ id: `${entry.id}-contact`, title: entry.contactRole }] : [],
    })),
  };
}

/** A whole directory as a file in one of the export formats. */
export function exportFile(
  format: DirectoryFormat,
  municipality: MunicipalityId,
  entries: readonly DirectoryEntry[],
): { body: string; contentType: string; fileName: string } {
  const fileName = `tjenesteoversikt-${municipality}.${format === 'csv' ? 'csv' : format === 'hsds' ? 'hsds.json' : 'json'}`;
  if (format === 'csv') return { body: toCsv(entries), contentType: 'text/csv; charset=utf-8', fileName };
  const json = format === 'hsds' ? toHsds(municipality, entries) : { municipality, source: 'export', entries };
  return { body: `${JSON.stringify(json, null, 2)}\n`, contentType: 'application/json; charset=utf-8', fileName };
}

/**
 * A directory file (CSV as exported, or JSON: an array or `{ municipality, entries }`) as validated
 * entries, with a problem per bad row: the CSV line (header = 1) or the JSON entry's position.
 */
export function readDirectoryFile(name: string, text: string): { municipality?: string; entries: DirectoryEntry[]; problems: Problem[] } {
  let rows: { line: number; raw: unknown }[];
  let municipality: string | undefined;
  const problems: Problem[] = [];
  if (/\.csv$/i.test(name) || !/^\s*[[{]/.test(text)) {
    const table = readTable(text, { required: ['id', 'category', 'unit', 'name', 'offers', 'lastReviewed'], known: CSV_COLUMNS });
    problems.push(...table.problems);
    rows = table.rows.map((row) => ({ line: row.line, raw: entryFromCsv(row.values) }));
  } else {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return { entries: [], problems: [{ line: 1, key: 'import.problem.notJsonOrCsv' }] };
    }
    const doc = (Array.isArray(json) ? { entries: json } : json) as { municipality?: unknown; entries?: unknown; services?: unknown };
    if (Array.isArray(doc.services)) doc.entries = fromHsds(json as HsdsFile);
    if (!Array.isArray(doc.entries)) return { entries: [], problems: [{ line: 1, key: 'import.problem.noEntries' }] };
    municipality = typeof doc.municipality === 'string' ? doc.municipality : undefined;
    rows = doc.entries.map((raw, index) => ({ line: index + 1, raw }));
  }
  if (!problems.length && rows.length === 0) problems.push({ line: 1, key: 'import.problem.noRows' });
  const entries: DirectoryEntry[] = [];
  const seen = new Map<string, number>();
  for (const { line, raw } of rows) {
    const parsed = directoryEntrySchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const column = String(issue.path[0] ?? 'id');
      const key =
        column === 'phones'
          ? 'import.problem.badPhone'
          : issue.code === 'too_small' || issue.code === 'invalid_type'
            ? 'import.problem.required'
            : issue.code === 'too_big'
              ? 'import.problem.tooLongField'
              : 'import.problem.invalidField';
      problems.push({ line, key, params: { column } });
      continue;
    }
    const entry = parsed.data;
    const formula = Object.entries(entry).find(([, value]) => typeof value === 'string' && FORMULA.test(value));
    if (formula) {
      problems.push({ line, key: 'import.problem.formula', params: { column: formula[0] } });
      continue;
    }
    const first = seen.get(entry.id);
    if (first !== undefined) {
      problems.push({ line, key: 'import.problem.duplicate', params: { column: 'id', value: entry.id, first } });
      continue;
    }
    seen.set(entry.id, line);
    entries.push(entry);
  }
  return { ...(municipality ? { municipality } : {}), entries, problems };
}
