import { wellFormedSnapshot, type InstanceSnapshot } from '../snapshot';
import type { Diagnostic, DiagnosticSeverity } from '../types/status';
import { diagnosticRules } from './rules';
import type { DiagnosticOptions, DiagnosticRule } from './types';

const SEVERITY_ORDER: DiagnosticSeverity[] = ['error', 'warning', 'info'];

/**
 * Runs the diagnostic rules over a snapshot (its malformed objects left out, see
 * `wellFormedSnapshot`) and returns every finding, errors first, then warnings,
 * then infos; within a severity in rule order.
 *
 * @param snapshot - what was read from the three clusters
 * @param options - tuning of the rules
 * @param rules - the rules to run; defaults to {@link diagnosticRules}
 */
export function runDiagnostics(
  snapshot: InstanceSnapshot,
  options?: DiagnosticOptions,
  rules: readonly DiagnosticRule[] = diagnosticRules,
): Diagnostic[] {
  const wellFormed = wellFormedSnapshot(snapshot);
  return rules
    .flatMap(rule => rule.evaluate(wellFormed, options))
    .map((d, i) => ({ d, i }))
    .sort(
      (a, b) =>
        SEVERITY_ORDER.indexOf(a.d.severity) -
          SEVERITY_ORDER.indexOf(b.d.severity) || a.i - b.i,
    )
    .map(({ d }) => d);
}
