/**
 * `npm run municipality -- add|list|update|remove …`: onboarding a municipality, against the store
 * the bot uses (COSMOS_ENDPOINT or DATA_DIR, from the same environment as `npm start`).
 */
import { parseArgs } from 'node:util';
import { translator } from '../src/i18n/translate.js';
import type { MunicipalityInput } from '../src/municipalities/Municipality.js';
import { withServices } from './cliServices.js';

const t = translator('nb');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    id: { type: 'string' },
    name: { type: 'string' },
    tenant: { type: 'string', multiple: true },
    'remove-tenant': { type: 'string', multiple: true },
    'ke-admin': { type: 'string', multiple: true },
    language: { type: 'string' },
    servicetorget: { type: 'string' },
    'ke-phone': { type: 'string' },
  },
});
const command = positionals[0];
if (!command || !['add', 'list', 'update', 'remove'].includes(command) || (command !== 'list' && !values.id)) {
  console.error(t('cli.usage.municipality'));
  process.exit(2);
}

/** What the options say about the record, on top of what it is. */
function changes(current: Partial<MunicipalityInput>): MunicipalityInput {
  const tenants = new Set([...(current.tenantIds ?? []), ...(values.tenant ?? [])]);
  for (const tenant of values['remove-tenant'] ?? []) tenants.delete(tenant);
  return {
    ...current,
    id: values.id!,
    name: values.name ?? current.name ?? '',
    tenantIds: [...tenants],
    phones: {
      ...current.phones,
      ...(values.servicetorget ? { servicetorget: values.servicetorget.replace(/\s/g, '') } : {}),
      ...(values['ke-phone'] ? { ke: values['ke-phone'].replace(/\s/g, '') } : {}),
    },
    ...(values.language ? { defaultLanguage: values.language as 'nb' | 'nn' } : {}),
  };
}

await withServices(async ({ municipalities, roles }) => {
  if (command === 'list') {
    const all = await municipalities.list();
    if (all.length === 0) console.log(t('cli.municipality.none'));
    for (const m of all)
      console.log(t('cli.municipality.line', { id: m.id, name: m.name, tenants: m.tenantIds.join(', ') || '–', language: m.defaultLanguage }));
  } else if (command === 'add') {
    const added = await municipalities.add(changes({}));
    console.log(t('cli.municipality.added', { name: added.name, id: added.id }));
  } else if (command === 'update') {
    const updated = await municipalities.update(values.id!, (current) => changes(current));
    console.log(t('cli.municipality.updated', { name: updated.name, id: updated.id }));
  } else {
    await municipalities.remove(values.id!);
    console.log(t('cli.municipality.removed', { id: values.id! }));
  }
  if (command === 'add' || command === 'update') {
    const record = await municipalities.require(values.id!);
    for (const raw of values['ke-admin'] ?? []) {
      const userId = raw.toLowerCase();
      await roles.grant(record.id, userId, 'keAdmin');
      // On a tenant shared with other municipalities, the KE admin is not asked which one they work for.
      for (const tenantId of record.tenantIds) await municipalities.assignMember(tenantId, userId, record.id, 'keAdmin');
      console.log(t('cli.municipality.keAdmin', { userId }));
    }
  }
});
