import type { PlatformMeshSetup } from '../types/setup';

/**
 * One problem with an input, named by its field path, e.g. `exposure.port` or
 * `kcp.providerConnections[1].secret`. Messages never repeat credential values.
 *
 * @alpha
 */
export interface ValidationProblem {
  path: string;
  message: string;
}

/**
 * The result of {@link validateSetup}: the typed setup, or every problem found. `warnings` (only
 * present when there are some) name what is accepted but probably a mistake, such as a duplicate
 * key in profile YAML (the operator uses the last one).
 *
 * @alpha
 */
export type SetupValidationResult =
  | { ok: true; value: PlatformMeshSetup; warnings?: ValidationProblem[] }
  | {
      ok: false;
      problems: ValidationProblem[];
      warnings?: ValidationProblem[];
    };
