/**
 * Thrown at start-up when the `platformMesh` configuration is invalid. Names every broken entry at
 * once (by config path); never contains a credential value.
 *
 * @public
 */
export class PlatformMeshConfigError extends Error {
  /** One line per problem, each starting with the config path of the broken entry. */
  readonly problems: string[];

  constructor(problems: string[]) {
    super(
      `Invalid platformMesh configuration (${problems.length} ${
        problems.length === 1 ? 'problem' : 'problems'
      }):\n${problems.map(p => `  - ${p}`).join('\n')}`,
    );
    this.name = 'PlatformMeshConfigError';
    this.problems = problems;
  }
}
