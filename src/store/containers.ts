/**
 * Every container the code uses, with its partition key, the fields its queries filter or sort on,
 * and how long its documents live. The Cosmos adapter, the SQLite adapter's indexes and
 * `infra/containers.json` (which the Bicep loads) all derive from this one table.
 */
interface ContainerSpec {
  partitionKeyPath: '/pk';
  indexedFields: readonly string[];
  /** Queries that filter on the first field and range over or sort on the second: one index each. */
  compositeIndexes?: readonly (readonly [string, string])[];
  /** Cosmos TTL in seconds; undefined = documents live until deleted. */
  defaultTtlSeconds?: number;
}

export const containers = {
  /** Bot Framework turn state (conversation and user scopes); partitioned by the state key itself. */
  botState: { partitionKeyPath: '/pk', indexedFields: [] },
  /** The municipalities that use the bot (id = slug); one global partition. */
  municipalities: { partitionKeyPath: '/pk', indexedFields: [] },
  /** Teams tenant → the municipalities on it (an index kept by `Municipalities`); one global partition. */
  tenants: { partitionKeyPath: '/pk', indexedFields: [] },
  /** On a tenant shared by several municipalities: which one each person works for; partition = tenant id, id = Entra object id. */
  members: { partitionKeyPath: '/pk', indexedFields: [] },
  /** Journals of multi-document writes in progress (`Store.writeAll` on Cosmos), rolled back if a process died mid-write. */
  journal: { partitionKeyPath: '/pk', indexedFields: [] },
  /** The service directory; partition = municipality. */
  directory: { partitionKeyPath: '/pk', indexedFields: ['category', 'name'] },
  /** How often each service was the answer to someone's question (the message extension's «most asked for»); partition = municipality, id = entry id. */
  directoryAsked: { partitionKeyPath: '/pk', indexedFields: ['count'] },
  /**
   * Questions the directory did not answer, masked and without who asked (`UnansweredQuestions`), kept
   * 30 days; partition = municipality. KE's list reads the open ones by time, the digest last week's solved.
   */
  unanswered: {
    partitionKeyPath: '/pk',
    indexedFields: ['status', 'at', 'closedAt'],
    compositeIndexes: [
      ['status', 'at'],
      ['status', 'closedAt'],
    ],
    defaultTtlSeconds: 30 * 86_400,
  },
  /** Change counters that tell every instance when to rebuild a cache; partition = municipality. */
  revisions: { partitionKeyPath: '/pk', indexedFields: [] },
  /** Who did what, when; partition = municipality. */
  audit: { partitionKeyPath: '/pk', indexedFields: ['at', 'actor', 'target'] },
  /** Cases; partition = municipality. Lists filter on these fields and sort on updatedAt; KE's overview catches up on updatedAt. */
  cases: {
    partitionKeyPath: '/pk',
    indexedFields: [
      'state',
      'updatedAt',
      'reference',
      'report.reporter.userId',
      'coordinator.userId',
      'coordinator.unit',
      'proposal.coordinator.unit',
      'report.resident.birthDate',
      'closure.at',
      'noticesPending',
      'noticesDueAt',
    ],
    // A leader's list: the cases of one unit, newest activity first.
    compositeIndexes: [
      ['coordinator.unit', 'updatedAt'],
      ['proposal.coordinator.unit', 'updatedAt'],
    ],
  },
  /** The per-tenant send budget: one document per second counting the requests claimed in it (`SendBudget`); partition = tenant. */
  sendBudget: { partitionKeyPath: '/pk', indexedFields: [], defaultTtlSeconds: 60 },
  /** Export and access links that have been used (a link works once); partition = municipality, id = the link's id. */
  linkUses: { partitionKeyPath: '/pk', indexedFields: [], defaultTtlSeconds: 86_400 },
  /** Courses and gatherings of koordinatorskolen, with their participants and attendance (`TrainingService`); partition = municipality. */
  courses: { partitionKeyPath: '/pk', indexedFields: [] },
  /** Leaders' competence mapping (kompetansekartlegging) per coordinator (`TrainingService`); partition = municipality, id = the coordinator's Entra object id. */
  competence: { partitionKeyPath: '/pk', indexedFields: [] },
  /** A case's samarbeidspartnere, one document each (`CoordinationService`); partition = municipality. «Mine møter» finds a person's cases by userId. */
  partners: { partitionKeyPath: '/pk', indexedFields: ['caseId', 'userId'] },
  /** Case meetings with their referat (`CoordinationService`); partition = municipality. */
  meetings: { partitionKeyPath: '/pk', indexedFields: ['caseId', 'startsAt'], compositeIndexes: [['caseId', 'startsAt']] },
  /**
   * Tasks shared out in a case (`CoordinationService`); partition = municipality. «Mine oppgaver» reads one
   * owner's open tasks by deadline; the case card counts a case's open tasks.
   */
  tasks: {
    partitionKeyPath: '/pk',
    indexedFields: ['caseId', 'ownerUserId', 'state', 'dueOn'],
    compositeIndexes: [
      ['ownerUserId', 'dueOn'],
      ['caseId', 'dueOn'],
    ],
  },
  /** Where to reach each person proactively; partition = municipality, id = Entra object id. */
  conversations: { partitionKeyPath: '/pk', indexedFields: [] },
  /** Roles per person; partition = municipality, id = the user's Entra object id. */
  roles: { partitionKeyPath: '/pk', indexedFields: [] },
  /**
   * Scheduled reminders, one document per due item (id = its stable key); partition = municipality.
   * (The settings are part of the municipality's record.) The sweep reads only what is due: status + dueAt.
   */
  reminders: {
    partitionKeyPath: '/pk',
    indexedFields: ['status', 'dueAt', 'claimedAt', 'caseId', 'userId', 'courseId', 'meetingId', 'taskId'],
    compositeIndexes: [
      ['status', 'dueAt'],
      ['status', 'claimedAt'],
    ],
  },
} as const satisfies Record<string, ContainerSpec>;

export type ContainerName = keyof typeof containers;
export const containerNames = Object.keys(containers) as ContainerName[];

/** A Cosmos container definition: consistent indexing of the partition key and the queried fields only. */
export interface CosmosContainerDefinition {
  name: ContainerName;
  partitionKeyPath: string;
  defaultTtl: number | null;
  indexingPolicy: {
    indexingMode: 'consistent';
    automatic: true;
    includedPaths: { path: string }[];
    excludedPaths: { path: string }[];
    compositeIndexes?: { path: string; order: 'ascending' }[][];
  };
}

export function cosmosContainerDefinitions(): CosmosContainerDefinition[] {
  return containerNames.map((name) => {
    const spec: ContainerSpec = containers[name];
    return {
      name,
      partitionKeyPath: spec.partitionKeyPath,
      defaultTtl: spec.defaultTtlSeconds ?? null,
      indexingPolicy: {
        indexingMode: 'consistent',
        automatic: true,
        includedPaths: [{ path: '/pk/?' }, ...spec.indexedFields.map((field) => ({ path: `/data/${field.replace(/\./g, '/')}/?` }))],
        excludedPaths: [{ path: '/*' }, { path: '/"_etag"/?' }],
        ...(spec.compositeIndexes
          ? {
              compositeIndexes: spec.compositeIndexes.map((fields) =>
                fields.map((field) => ({ path: `/data/${field.replace(/\./g, '/')}`, order: 'ascending' as const })),
              ),
            }
          : {}),
      },
    };
  });
}
