/**
 * Every container the code uses, with its partition key and the fields its queries filter or sort on.
 * The Cosmos adapter, the SQLite adapter's indexes and `infra/` all derive from this one table.
 */
export const containers = {
  /** Bot Framework turn state (conversation and user scopes); partitioned by the state key itself. */
  botState: { partitionKeyPath: '/pk', indexedFields: [] as string[], defaultTtlSeconds: undefined as number | undefined },
  /** Teams tenant → municipality; one global partition. */
  tenants: { partitionKeyPath: '/pk', indexedFields: ['municipality'], defaultTtlSeconds: undefined as number | undefined },
} as const;

export type ContainerName = keyof typeof containers;
export const containerNames = Object.keys(containers) as ContainerName[];
