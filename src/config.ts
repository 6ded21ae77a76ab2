import { z } from 'zod';
import { municipalityIdSchema, type MunicipalityId } from './municipalities/Municipality.js';

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const schema = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65535).default(3978),
    BOT_ID: optionalString,
    BOT_PASSWORD: optionalString,
    BOT_TENANT_ID: optionalString,
    BOT_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
    BOT_OPENID_METADATA_URL: optionalString.pipe(z.string().url().optional()),
    TAB_APP_ID: optionalString.pipe(z.string().uuid().optional()),
    TEAMS_APP_ID: optionalString.pipe(z.string().uuid().optional()),
    ENTRA_AUTHORITY: z.string().trim().url().default('https://login.microsoftonline.com'),
    DATA_DIR: z.string().trim().min(1).default('./.data'),
    COSMOS_ENDPOINT: optionalString.pipe(z.string().url().optional()),
    COSMOS_KEY: optionalString,
    COSMOS_DATABASE: z.string().trim().min(1).default('koordinatorhjelpen'),
    DEFAULT_MUNICIPALITY: optionalString.pipe(municipalityIdSchema.optional()),
    EXAMPLE_MUNICIPALITIES: z.enum(['on', 'off']).default('off'),
    KE_ADMINS: optionalString,
    DIRECTORY_REFRESH_SECONDS: z.coerce.number().min(0).max(3600).default(5),
    PUBLIC_URL: optionalString.pipe(z.string().url().optional()),
    LINK_SECRET: optionalString.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
    CLOSED_CASE_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
    RETENTION_RUN: z
      .string()
      .trim()
      .default('15 3 * * *')
      .refine((value) => value === 'off' || value.split(/\s+/).length >= 5, 'must be a cron expression or "off"'),
    REMINDER_SWEEP: z
      .string()
      .trim()
      .default('* * * * *')
      .refine((value) => value === 'off' || value.split(/\s+/).length >= 5, 'must be a cron expression or "off"'),
    ATTACHMENT_HOSTS: z
      .string()
      .default('')
      .transform((value) =>
        value
          .split(',')
          .map((host) => host.trim().toLowerCase())
          .filter(Boolean),
      )
      .refine(
        (hosts) => hosts.every((host) => /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host)),
        'must be domain names separated by commas, e.g. "sharepoint.us,contoso.no"',
      ),
    NOTICE_SWEEP: z
      .string()
      .trim()
      .default('*/20 * * * * *')
      .refine((value) => value === 'off' || value.split(/\s+/).length >= 5, 'must be a cron expression or "off"'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .superRefine((env, ctx) => {
    if (env.BOT_ID && env.BOT_TYPE !== 'UserAssignedMSI' && !env.BOT_PASSWORD) {
      ctx.addIssue({ code: 'custom', path: ['BOT_PASSWORD'], message: 'is required when BOT_ID is set (unless BOT_TYPE=UserAssignedMSI)' });
    }
    if (env.BOT_TYPE === 'SingleTenant' && env.BOT_ID && !env.BOT_TENANT_ID) {
      ctx.addIssue({ code: 'custom', path: ['BOT_TENANT_ID'], message: 'is required when BOT_TYPE=SingleTenant' });
    }
    if (env.BOT_ID && env.DEFAULT_MUNICIPALITY) {
      ctx.addIssue({
        code: 'custom',
        path: ['DEFAULT_MUNICIPALITY'],
        message:
          'is for local trials only and would give every tenant that municipality; connect tenants with "npm run municipality -- add/update --tenant" instead',
      });
    }
  });

/** Every environment variable the bot reads (for checks that deployment files name only real ones). */
export const configVariables: readonly string[] = Object.keys(schema.innerType().shape);

export interface Config {
  port: number;
  bot: {
    appId?: string;
    password?: string;
    tenantId?: string;
    type: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
    /** Where the Bot Framework's signing keys are published; the public cloud's unless overridden (sovereign clouds, tests). */
    openIdMetadataUrl?: string;
  };
  /**
   * The «Oversikt» tab's sign-in: Teams SSO with the tab's Entra app registration (`TAB_APP_ID`:
   * tokens for its client id or Application ID URI, issued by `authority`); none at all for a
   * registered bot without one; a dev sign-in in a local trial (no `BOT_ID`).
   */
  tabAuth: { kind: 'sso'; authority: string; audiences: string[] } | { kind: 'off' } | { kind: 'dev' };
  /** Teams' deep link to the «Oversikt» tab (the chat's overview card offers it), when the Teams app id is known. */
  tabUrl?: string;
  dataDir: string;
  cosmos?: { endpoint: string; key?: string; database: string };
  /** Local trials only: the municipality of a tenant that is not connected. */
  defaultMunicipality?: MunicipalityId;
  /** Load the shipped example municipalities (Rana, Ålesund) and their directories where missing. */
  exampleMunicipalities: boolean;
  /** KE admins granted at start-up (local trials): municipality and Entra object id. */
  keAdmins: readonly { municipality: MunicipalityId; userId: string }[];
  /** How often an instance checks whether another instance changed the directory. */
  directoryRefreshMs: number;
  /** The bot's public base URL, for links it hands out. */
  publicUrl: string;
  /** Signs download links; must be the same on every instance. Random per process when unset (one instance only). */
  linkSecret?: string;
  /** Days a closed case keeps the resident's details and free text before they are removed. */
  closedCaseRetentionDays: number;
  /** When each instance applies the retention rule (cron, Oslo time); undefined = never. */
  retentionRun?: string;
  /** When each instance looks for due reminders (cron, Oslo time); undefined = never (tests drive sweeps themselves). */
  reminderSweep?: string;
  /** When each instance delivers what is left in cases' outboxes (cron with seconds); undefined = never. Notices also go out right after each change. */
  noticeSweep?: string;
  /** Domains, besides Teams' and SharePoint's own, that import attachments may be downloaded from. */
  attachmentHosts: string[];
  logLevel: string;
}

/** Thrown at start-up when the environment is wrong; names every offending variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Parses and validates the environment once, at start-up. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(environment)'}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    bot: { appId: e.BOT_ID, password: e.BOT_PASSWORD, tenantId: e.BOT_TENANT_ID, type: e.BOT_TYPE, openIdMetadataUrl: e.BOT_OPENID_METADATA_URL },
    tabAuth: e.TAB_APP_ID
      ? {
          kind: 'sso',
          authority: e.ENTRA_AUTHORITY,
          audiences: [e.TAB_APP_ID, `api://${new URL(e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).host}/${e.TAB_APP_ID}`],
        }
      : e.BOT_ID
        ? { kind: 'off' }
        : { kind: 'dev' },
    tabUrl: e.TEAMS_APP_ID ? `https://teams.microsoft.com/l/entity/${e.TEAMS_APP_ID}/oversikt` : undefined,
    dataDir: e.DATA_DIR,
    cosmos: e.COSMOS_ENDPOINT ? { endpoint: e.COSMOS_ENDPOINT, key: e.COSMOS_KEY, database: e.COSMOS_DATABASE } : undefined,
    defaultMunicipality: e.DEFAULT_MUNICIPALITY,
    exampleMunicipalities: e.EXAMPLE_MUNICIPALITIES === 'on',
    keAdmins: parsePairs('KE_ADMINS', e.KE_ADMINS, 'municipality:userObjectId').map(([municipality, userId]) => ({
      municipality: asMunicipalityId('KE_ADMINS', municipality),
      userId,
    })),
    directoryRefreshMs: e.DIRECTORY_REFRESH_SECONDS * 1000,
    publicUrl: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    linkSecret: e.LINK_SECRET,
    closedCaseRetentionDays: e.CLOSED_CASE_RETENTION_DAYS,
    retentionRun: e.RETENTION_RUN === 'off' ? undefined : e.RETENTION_RUN,
    reminderSweep: e.REMINDER_SWEEP === 'off' ? undefined : e.REMINDER_SWEEP,
    noticeSweep: e.NOTICE_SWEEP === 'off' ? undefined : e.NOTICE_SWEEP,
    attachmentHosts: e.ATTACHMENT_HOSTS,
    logLevel: e.LOG_LEVEL,
  };
}

/** "a:b, c:d" → [[a, b], [c, d]], or a ConfigError naming the variable. */
function parsePairs(variable: string, raw: string | undefined, shape: string): [string, string][] {
  return (raw ?? '')
    .split(',')
    .map((pair) => pair.trim())
    .filter(Boolean)
    .map((pair) => {
      const [left, right, ...rest] = pair.split(':').map((part) => part.trim());
      if (!left || !right || rest.length)
        throw new ConfigError(`Invalid configuration:\n  ${variable}: expected "${shape}" pairs separated by commas, got "${pair}"`);
      return [left, right];
    });
}

function asMunicipalityId(variable: string, value: string): MunicipalityId {
  if (!municipalityIdSchema.safeParse(value).success)
    throw new ConfigError(`Invalid configuration:\n  ${variable}: "${value}" is not a municipality id (lower-case letters, digits and hyphens)`);
  return value;
}
