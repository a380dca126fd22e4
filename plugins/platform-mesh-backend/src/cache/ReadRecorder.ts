import type { InformerPool } from './InformerPool';
import type { InformerState, ResourceInformer } from './ResourceInformer';
import { watchKey, type WatchSpec } from './watchSpecs';

/**
 * How a read reaches its watch: `ensure` starts the watch if needed (the fixed watches of a
 * target); `peek` never does (watches that follow what the instances reference, so that no
 * request can make the backend open a watch), and an unopened watch reads as not listed yet.
 */
export type ReadMode = 'ensure' | 'peek';

/**
 * One read an answer was built from: the objects of one namespace of a watch, or only the watch's
 * state (`namespace` unset), with the token that identifies what was read.
 */
export interface RecordedRead {
  cluster: string;
  spec: WatchSpec;
  mode: ReadMode;
  namespace?: string;
  /** Equal tokens mean equal data: see {@link readToken}. */
  token: string;
}

/** What a snapshot reads: namespace-scoped objects and watch states, never a whole store. */
export interface SnapshotReads {
  /** The objects of one namespace of a watch (a shared array: do not mutate). */
  itemsIn<T>(
    cluster: string,
    spec: WatchSpec,
    namespace: string,
    mode?: ReadMode,
  ): readonly T[];
  /** One object of a watch. */
  get<T>(
    cluster: string,
    spec: WatchSpec,
    namespace: string,
    name: string,
    mode?: ReadMode,
  ): T | undefined;
  /** The state of a watch (synced, error, observedAt), without its objects. */
  state(
    cluster: string,
    spec: WatchSpec,
    mode?: ReadMode,
  ): InformerState<never>;
}

const NOT_LISTED: InformerState<never> = { items: [], synced: false };
const NOTHING: readonly never[] = Object.freeze([]);
const ids = new WeakMap<object, number>();
let nextId = 1;

function idOf(informer: object): number {
  let id = ids.get(informer);
  if (id === undefined) {
    id = nextId++;
    ids.set(informer, id);
  }
  return id;
}

function informerOf(
  pool: InformerPool,
  cluster: string,
  spec: WatchSpec,
  mode: ReadMode,
): ResourceInformer<any> | undefined {
  return mode === 'ensure'
    ? pool.ensure(cluster, spec)
    : pool.find(cluster, spec);
}

/**
 * The token of a read as the pool stands now: the informer's identity (a watch closed and opened
 * again is another one) and either the namespace's version (which changes only when an object of
 * the namespace is added, changed or deleted; never on a bookmark or a re-list that finds nothing
 * new) or the watch's health (synced, error). `observedAt` is not part of it.
 *
 * @param pool - the informer pool
 * @param read - the read (its `token` is ignored)
 */
function readToken(
  pool: InformerPool,
  read: Omit<RecordedRead, 'token'>,
): string {
  const informer = informerOf(pool, read.cluster, read.spec, read.mode);
  if (!informer) return 'none';
  if (read.namespace !== undefined) {
    return `${idOf(informer)}:${informer.namespaceVersion(read.namespace)}`;
  }
  const { synced, error } = informer.state();
  return `${idOf(informer)}:${synced ? 1 : 0}:${
    error
      ? `${error.type}|${error.statusCode ?? ''}|${error.resource ?? ''}|${
          error.message
        }`
      : ''
  }`;
}

/**
 * True when every read still has the token it had: an answer built from them is still right
 * (except for the passing of time, which the caller bounds).
 *
 * @param pool - the informer pool
 * @param reads - what the answer was built from
 */
export function readsCurrent(
  pool: InformerPool,
  reads: readonly RecordedRead[],
): boolean {
  for (const read of reads) {
    if (readToken(pool, read) !== read.token) return false;
  }
  return true;
}

/**
 * {@link SnapshotReads} over the informer pool that records every read with its token, so that
 * an answer built from them can later be checked with {@link readsCurrent} in time proportional
 * to the number of reads, not to the objects on the clusters.
 */
export class ReadRecorder implements SnapshotReads {
  private readonly recorded = new Map<string, RecordedRead>();

  /**
   * @param pool - the informer pool
   * @param options - `record: false` reads without recording (for reads no answer is kept of)
   */
  constructor(
    private readonly pool: InformerPool,
    private readonly options: { record?: boolean } = {},
  ) {}

  /** The distinct reads so far. */
  reads(): RecordedRead[] {
    return [...this.recorded.values()];
  }

  itemsIn<T>(
    cluster: string,
    spec: WatchSpec,
    namespace: string,
    mode: ReadMode = 'ensure',
  ): readonly T[] {
    const informer = this.record(cluster, spec, mode, namespace);
    return (
      (informer?.itemsIn(namespace) as readonly T[] | undefined) ?? NOTHING
    );
  }

  get<T>(
    cluster: string,
    spec: WatchSpec,
    namespace: string,
    name: string,
    mode: ReadMode = 'ensure',
  ): T | undefined {
    const informer = this.record(cluster, spec, mode, namespace);
    return informer?.get(namespace, name) as T | undefined;
  }

  state(
    cluster: string,
    spec: WatchSpec,
    mode: ReadMode = 'ensure',
  ): InformerState<never> {
    const informer = this.record(cluster, spec, mode, undefined);
    if (!informer) return NOT_LISTED;
    const { synced, observedAt, error } = informer.state();
    return { items: [], synced, observedAt, error };
  }

  private record(
    cluster: string,
    spec: WatchSpec,
    mode: ReadMode,
    namespace: string | undefined,
  ): ResourceInformer<any> | undefined {
    const informer = informerOf(this.pool, cluster, spec, mode);
    if (this.options.record === false) return informer;
    const key = `${watchKey(cluster, spec)}#${mode}#${namespace ?? ''}#${
      namespace === undefined ? 's' : 'n'
    }`;
    if (!this.recorded.has(key)) {
      const read = { cluster, spec, mode, namespace };
      this.recorded.set(key, { ...read, token: readToken(this.pool, read) });
    }
    return informer;
  }
}
