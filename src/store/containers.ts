/**
 * Every container the code uses, with its partition key and the fields its queries filter or sort on.
 * The Cosmos adapter, the SQLite adapter's indexes and `infra/` all derive from this one table.
 */
export const containers = {
  /** Bot Framework turn state (conversation and user scopes); partitioned by the state key itself. */
  botState: { partitionKeyPath: '/pk', indexedFields: [] as string[], defaultTtlSeconds: undefined as number | undefined },
  /** Teams tenant → municipality; one global partition. */
  tenants: { partitionKeyPath: '/pk', indexedFields: ['municipality'], defaultTtlSeconds: undefined as number | undefined },
  /** The service directory; partition = municipality. */
  directory: { partitionKeyPath: '/pk', indexedFields: ['category'], defaultTtlSeconds: undefined as number | undefined },
  /** Change counters that tell every instance when to rebuild a cache; partition = municipality. */
  revisions: { partitionKeyPath: '/pk', indexedFields: [] as string[], defaultTtlSeconds: undefined as number | undefined },
  /** Who did what, when; partition = municipality. */
  audit: { partitionKeyPath: '/pk', indexedFields: ['at', 'actor', 'target'], defaultTtlSeconds: undefined as number | undefined },
  /** Roles per person; partition = municipality, id = the user's Entra object id. */
  roles: { partitionKeyPath: '/pk', indexedFields: [] as string[], defaultTtlSeconds: undefined as number | undefined },
} as const;

export type ContainerName = keyof typeof containers;
export const containerNames = Object.keys(containers) as ContainerName[];
