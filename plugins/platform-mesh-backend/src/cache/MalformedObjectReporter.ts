import type { LoggerService } from '@backstage/backend-plugin-api';

/** How many objects' warnings are remembered before the memory starts over. */
const MAX_REMEMBERED = 10_000;

/** How many problems one warning names. */
const MAX_PROBLEMS_SHOWN = 5;

/**
 * Logs ONE warning per malformed object (by resource, namespace and name), not one per watch
 * event: a controller that rewrites a bad status every few seconds would otherwise flood the log.
 * The warning names the problems by path, never a value. An object that becomes well-formed is
 * forgotten, so that it warns again if it breaks again.
 */
export class MalformedObjectReporter {
  private readonly warned = new Set<string>();

  constructor(
    private readonly logger: LoggerService,
    private readonly resource: string,
  ) {}

  /**
   * Records the problems found on one object.
   *
   * @param object - the object (its namespace and name identify it)
   * @param problems - what was repaired; empty for a well-formed object
   */
  report(object: { metadata?: any }, problems: string[]): void {
    const namespace = object.metadata?.namespace;
    const name = String(object.metadata?.name);
    const key = typeof namespace === 'string' ? `${namespace}/${name}` : name;
    if (problems.length === 0) {
      this.warned.delete(key);
      return;
    }
    if (this.warned.has(key)) return;
    if (this.warned.size >= MAX_REMEMBERED) this.warned.clear();
    this.warned.add(key);
    const shown = problems.slice(0, MAX_PROBLEMS_SHOWN).join('; ');
    const more =
      problems.length > MAX_PROBLEMS_SHOWN
        ? ` and ${problems.length - MAX_PROBLEMS_SHOWN} more`
        : '';
    this.logger.warn(
      `repaired malformed object resource=${this.resource} object=${key}: ${shown}${more}`,
    );
  }
}
