import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { Municipality } from '../config.js';
import { InputError } from '../errors.js';
import type { DirectoryEntry } from './DirectoryEntry.js';

export type DirectoryFormat = 'json' | 'csv' | 'hsds';

const CSV_COLUMNS = ['id', 'category', 'unit', 'name', 'phones', 'email', 'web', 'contactRole', 'offers', 'targetGroup', 'ageMin', 'ageMax', 'howToApply', 'keywords', 'lastReviewed', 'retired'] as const;

/** One row per entry; phones as "number label; number label", keywords comma-separated. Comma-separated, as Excel reads UTF-8 CSV with a BOM. */
export function toCsv(entries: readonly DirectoryEntry[]): string {
  return stringify(
    entries.map((entry) => ({
      ...entry,
      phones: entry.phones.map((phone) => [phone.number, phone.label].filter(Boolean).join(' ')).join('; '),
      keywords: entry.keywords.join(', '),
      retired: entry.retired ? 'ja' : '',
    })),
    { header: true, columns: [...CSV_COLUMNS], bom: true },
  );
}

/** Parses the CSV written by `toCsv` into raw entries; the service validates them. */
export function fromCsv(text: string): unknown[] {
  let rows: Record<string, string>[];
  try {
    const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
    const delimiter = header.includes(';') && !header.includes(',') ? ';' : ',';
    rows = parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true, delimiter });
  } catch (error) {
    throw new InputError(`CSV-filen kan ikke leses: ${(error as Error).message}`, { cause: error });
  }
  return rows.map((row) => {
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
      keywords: (row.keywords ?? '').split(',').map((k) => k.trim()).filter(Boolean),
      lastReviewed: row.lastReviewed,
      retired: row.retired === 'ja' || row.retired === 'true' ? true : undefined,
    };
  });
}

/**
 * Open Referral HSDS 3.0 shaped export: organizations (units), services, phones and eligibility,
 * linked by id, so the directory can move to other HSDS tools.
 */
export function toHsds(municipality: Municipality, entries: readonly DirectoryEntry[]) {
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
export function exportFile(format: DirectoryFormat, municipality: Municipality, entries: readonly DirectoryEntry[]): { body: string; contentType: string; fileName: string } {
  const fileName = `tjenesteoversikt-${municipality}.${format === 'csv' ? 'csv' : format === 'hsds' ? 'hsds.json' : 'json'}`;
  if (format === 'csv') return { body: toCsv(entries), contentType: 'text/csv; charset=utf-8', fileName };
  const json = format === 'hsds' ? toHsds(municipality, entries) : { municipality, source: 'export', entries };
  return { body: `${JSON.stringify(json, null, 2)}\n`, contentType: 'application/json; charset=utf-8', fileName };
}

/** Raw entries from an uploaded or local file: CSV by name or content type, otherwise JSON (an array, or `{ entries }`). */
export function importFile(name: string, text: string): { municipality?: string; rows: unknown[] } {
  if (/\.csv$/i.test(name)) return { rows: fromCsv(text) };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError('Filen er verken gyldig CSV (.csv) eller JSON.', { cause: error });
  }
  if (Array.isArray(json)) return { rows: json };
  const doc = json as { municipality?: string; entries?: unknown };
  if (!Array.isArray(doc.entries)) throw new InputError('JSON-filen mangler en liste «entries».');
  return { municipality: doc.municipality, rows: doc.entries };
}
