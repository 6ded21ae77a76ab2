import type { Router } from '../conversation/router.js';
import type { TurnContext } from 'botbuilder';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { importHelpCard, importReportCard, TEMPLATE_FILES } from './cards.js';
import { cardData } from '../conversation/cardData.js';
import { turnScope } from '../conversation/turnScope.js';
import { InputError } from '../errors.js';
import type { ImportFileKind } from '../files/Problem.js';
import { headerOf, decodeText } from '../files/tabularFile.js';
import { isWorkbook, readWorkbook } from '../files/workbook.js';
import { fileKindOf } from './vocabulary.js';
import type { Roles } from '../roles/Roles.js';
import type { ImportFiles, ImportService } from './ImportService.js';

const IMPORT = /^\s*(importer|import|importer\s+(tjenesteoversikt(en)?|tenesteoversikta?|katalogen|saker|personer|personar))\s*$/iu;
const TEAMS_FILE = 'application/vnd.microsoft.teams.file.download.info';
const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** Where Teams and SharePoint hand out attachment downloads (`ATTACHMENT_HOSTS` adds more); the activity's own service is allowed too (Playground, tests). */
export const DEFAULT_ATTACHMENT_HOSTS = [
  'sharepoint.com',
  'sharepoint-df.com',
  'teams.microsoft.com',
  'botframework.com',
  'trafficmanager.net',
  'teams.cdn.office.net',
];

/** Whether an attachment may be downloaded: over HTTPS from one of these domains (or below one), or from the activity's own service. */
export function allowedAttachment(url: URL, serviceUrl: string | undefined, domains: readonly string[]): boolean {
  if (serviceUrl && url.hostname === new URL(serviceUrl).hostname) return true;
  const host = url.hostname.toLowerCase();
  return url.protocol === 'https:' && domains.some((domain) => host === domain || host.endsWith(`.${domain}`));
}

interface AttachedFile {
  name: string;
  url: string;
}

const confirmData = z.object({
  files: z
    .string()
    .max(20_000)
    .transform((value, ctx) => {
      try {
        return JSON.parse(value) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom' });
        return z.NEVER;
      }
    })
    .pipe(
      z
        .array(z.object({ kind: z.enum(['directory', 'people', 'cases']), name: z.string().max(260), url: z.string().url().max(4000) }))
        .min(1)
        .max(3),
    ),
  digest: z.string().regex(/^[a-f0-9]{64}$/),
});

/** Files a message carries: Teams' download info, or plain attachments with a content URL (Playground, Emulator). */
function attachedFiles(context: TurnContext): AttachedFile[] {
  return (context.activity.attachments ?? []).flatMap((attachment) => {
    const content = attachment.content as { downloadUrl?: unknown } | undefined;
    if (attachment.contentType === TEAMS_FILE && typeof content?.downloadUrl === 'string') return [{ name: attachment.name ?? '', url: content.downloadUrl }];
    if (
      /^(text\/csv|application\/json|text\/plain|application\/vnd\.ms-excel|application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet)/.test(
        attachment.contentType,
      ) &&
      attachment.contentUrl
    )
      return [{ name: attachment.name ?? '', url: attachment.contentUrl }];
    return [];
  });
}

/** People and cases files are told apart by their header (a workbook's first row); anything else is a directory file. */
async function kindOf(file: { name: string; bytes: Uint8Array }): Promise<ImportFileKind> {
  const header = isWorkbook(file) ? ((await readWorkbook(file.bytes, []))?.[0]?.cells ?? []) : headerOf(decodeText(file.bytes.subarray(0, 4096)));
  return fileKindOf(header);
}

/** Downloads an attachment from Teams' or SharePoint's hosts (or the channel's own service), reading at most MAX_FILE_BYTES. */
async function download(file: AttachedFile, serviceUrl: string | undefined, hosts: readonly string[]): Promise<Uint8Array> {
  const unreadable = (cause?: unknown) =>
    new InputError(`attachment ${file.name} could not be downloaded`, { key: 'import.unreadable', params: { name: file.name } }, { cause });
  let url: URL;
  try {
    url = new URL(file.url);
  } catch (error) {
    throw unreadable(error);
  }
  if (!allowedAttachment(url, serviceUrl, hosts)) throw unreadable();
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(15_000), redirect: 'error' });
  } catch (error) {
    throw unreadable(error);
  }
  if (!response.ok || !response.body) throw unreadable();
  const tooLarge = new InputError(`attachment ${file.name} too large`, {
    key: 'import.tooLarge',
    params: { name: file.name, mb: MAX_FILE_BYTES / 1024 / 1024 },
  });
  if (Number(response.headers.get('content-length') ?? 0) > MAX_FILE_BYTES) throw tooLarge;
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.byteLength;
    if (size > MAX_FILE_BYTES) {
      await response.body.cancel().catch(() => undefined);
      throw tooLarge;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function digestOf(files: ImportFiles): string {
  const hash = createHash('sha256');
  for (const kind of ['directory', 'people', 'cases'] as const) if (files[kind]) hash.update(kind).update(files[kind]!.bytes);
  return hash.digest('hex');
}

/**
 * KE admins import existing work in chat: «importer» explains and offers the templates; attached
 * files are checked (a dry run) and reported; «Importer» downloads them again, checks that they
 * are the files that were checked, and writes everything or nothing.
 */
export function importRoutes(
  router: Router,
  { imports, roles, templatesUrl, attachmentHosts }: { imports: ImportService; roles: Roles; templatesUrl: string; attachmentHosts: readonly string[] },
): void {
  async function filesFrom(
    context: TurnContext,
    attached: readonly (AttachedFile & { kind?: ImportFileKind })[],
  ): Promise<{ files: ImportFiles; described: { kind: ImportFileKind; name: string; url: string }[] }> {
    const files: ImportFiles = {};
    const described: { kind: ImportFileKind; name: string; url: string }[] = [];
    for (const file of attached) {
      const bytes = await download(file, context.activity.serviceUrl, attachmentHosts);
      const kind = file.kind ?? (await kindOf({ name: file.name, bytes }));
      if (files[kind]) throw new InputError('two files of one kind', { key: 'import.tooManyFiles' });
      files[kind] = { name: file.name || TEMPLATE_FILES[kind], bytes };
      described.push({ kind, name: file.name, url: file.url });
    }
    return { files, described };
  }

  router.message(IMPORT, async (context, state) => {
    const { t, municipality, userId } = turnScope(context, state);
    await roles.require(municipality, userId, 'keAdmin');
    await context.sendActivity({ attachments: [importHelpCard(t, templatesUrl)] });
  });

  router.message(
    async (context) => attachedFiles(context).length > 0,
    async (context, state) => {
      const { t, municipality, municipalityName, userId } = turnScope(context, state);
      const admin = await roles.require(municipality, userId, 'keAdmin');
      const { files, described } = await filesFrom(context, attachedFiles(context));
      const report = await imports.run(municipality, files, { importedBy: admin, dryRun: true, allowLargeRetire: true });
      await context.sendActivity({
        attachments: [importReportCard(t, report, municipalityName, { files: JSON.stringify(described), digest: digestOf(files) })],
      });
    },
  );

  router.submit('importConfirm', async (context, state, data) => {
    const { t, municipality, municipalityName, userId } = turnScope(context, state);
    const admin = await roles.require(municipality, userId, 'keAdmin');
    const confirmed = cardData(confirmData, data, 'error.unknownAction');
    const { files } = await filesFrom(context, confirmed.files);
    if (digestOf(files) !== confirmed.digest) throw new InputError('files changed since the check', { key: 'import.filesChanged' });
    // The admin saw the check's report (what would be retired, too) and pressed «Importer».
    const report = await imports.run(municipality, files, {
      importedBy: admin,
      importedByName: context.activity.from?.name,
      dryRun: false,
      allowLargeRetire: true,
    });
    await context.sendActivity({ attachments: [importReportCard(t, report, municipalityName)] });
  });

  router.submit('importCancel', async (context, state) => {
    const { t } = turnScope(context, state);
    await context.sendActivity(t('import.cancelled'));
  });
}
