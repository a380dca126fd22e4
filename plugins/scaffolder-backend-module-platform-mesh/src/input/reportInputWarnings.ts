import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Problem } from './inputProblems';

/**
 * Reports the warnings of an accepted input (a duplicate key in the profile YAML, an unknown
 * feature toggle): one task log line each, and the `warnings` output (`<field>: <message>`).
 * Nothing is output when there are none.
 *
 * @param ctx - the action context: its logger and output
 * @param warnings - the warnings of `readSetupInput`
 */
export function reportInputWarnings(
  ctx: {
    logger: Pick<LoggerService, 'warn'>;
    output(name: 'warnings', value: string[]): void;
  },
  warnings: Problem[],
): void {
  if (warnings.length === 0) return;
  const lines = warnings.map(w => `${w.field}: ${w.message}`);
  for (const line of lines) ctx.logger.warn(`Input warning: ${line}`);
  ctx.output('warnings', lines);
}
