import type { ValidationProblem } from './types';

/**
 * Thrown by the renderers that validate their input (`renderPlan`) when a setup is invalid. Its
 * message lists every problem by path; it never contains credential values.
 */
export class SetupValidationError extends Error {
  readonly problems: ValidationProblem[];

  /**
   * @param problems - every problem found, as returned by `validateSetup`
   */
  constructor(problems: ValidationProblem[]) {
    super(
      `Invalid Platform Mesh setup: ${problems
        .map(p => `${p.path}: ${p.message}`)
        .join('; ')}`,
    );
    this.name = 'SetupValidationError';
    this.problems = problems;
  }
}
