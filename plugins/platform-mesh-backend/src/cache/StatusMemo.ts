import type {
  InstanceStatus,
  InstanceSummary,
} from '@platform-mesh-backstage/plugin-platform-mesh-common';
import type { InformerPool } from './InformerPool';
import { readsCurrent, type RecordedRead } from './ReadRecorder';
import { serializeAnswer, type SerializedAnswer } from './statusAnswer';

/**
 * One remembered answer: the status of an instance, its summary for the instance list, and its
 * serialized JSON with a strong ETag (made on first use), with the reads it was built from.
 */
export interface MemoEntry {
  status: InstanceStatus;
  summary: InstanceSummary;
  reads: readonly RecordedRead[];
  /** When it was built (ms since the epoch, the cache's clock). */
  builtAt: number;
  /** The `generationObservedAt` the snapshot used, if any. */
  generationAt?: string;
  answer?: SerializedAnswer;
}

/**
 * The memo of instance statuses, per instance: an entry holds while every read it was built from
 * is unchanged (a change in another namespace, or a bookmark, changes none of them) and it is
 * younger than `maxAgeMs`, which bounds how stale the time-dependent parts of an answer (`now`,
 * `observedAt`, grace periods) can be. Entries are grouped by target and namespace so that a
 * namespace's can be dropped when its instances go.
 */
export class StatusMemo {
  private readonly entries = new Map<string, Map<string, MemoEntry>>();
  private builds = 0;

  constructor(
    private readonly pool: InformerPool,
    private readonly maxAgeMs: number,
  ) {}

  /**
   * The entry of an instance if it is still right at `now`.
   *
   * @param slot - target and namespace
   * @param name - the instance's name
   * @param now - the current time (ms)
   * @param generationAt - the current `generationObservedAt` of the instance
   */
  get(
    slot: string,
    name: string,
    now: number,
    generationAt: string | undefined,
  ): MemoEntry | undefined {
    const entry = this.entries.get(slot)?.get(name);
    if (!entry) return undefined;
    const age = now - entry.builtAt;
    if (age < 0 || age >= this.maxAgeMs) return undefined;
    if (entry.generationAt !== generationAt) return undefined;
    return readsCurrent(this.pool, entry.reads) ? entry : undefined;
  }

  /** Counts a build (kept or not), for {@link StatusMemo.stats}. */
  built(): void {
    this.builds += 1;
  }

  set(slot: string, name: string, entry: MemoEntry): void {
    let names = this.entries.get(slot);
    if (!names) {
      names = new Map();
      this.entries.set(slot, names);
    }
    names.set(name, entry);
  }

  delete(slot: string, name: string): void {
    const names = this.entries.get(slot);
    if (!names) return;
    names.delete(name);
    if (names.size === 0) this.entries.delete(slot);
  }

  /** The names remembered in one slot. */
  names(slot: string): string[] {
    return [...(this.entries.get(slot)?.keys() ?? [])];
  }

  /** The serialized answer of an entry (made once per entry). */
  answer(entry: MemoEntry): SerializedAnswer {
    entry.answer ??= serializeAnswer(entry.status);
    return entry.answer;
  }

  /** Statuses built so far and entries held (for metrics and tests). */
  stats(): { builds: number; entries: number } {
    let entries = 0;
    for (const names of this.entries.values()) entries += names.size;
    return { builds: this.builds, entries };
  }
}
