import type { Config } from '@backstage/config';
import { PlatformMeshConfigError } from '@platform-mesh-backstage/plugin-platform-mesh-node';
import type { OperatorLogsOptions } from './OperatorLogsReader';

const KEY = 'platformMesh.operatorLogs';
/** A DNS-1123 label, as Kubernetes requires of container names. */
const CONTAINER_NAME = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/**
 * Reads `platformMesh.operatorLogs` (`labelSelector`, `container`); absent keys keep the upstream
 * chart's defaults.
 *
 * @throws PlatformMeshConfigError naming the broken keys (never their values' secrets: there are none).
 */
export function readOperatorLogsConfig(config: Config): OperatorLogsOptions {
  const problems: string[] = [];
  const read = (key: string): string | undefined => {
    try {
      const value = config.getOptionalString(`${KEY}.${key}`);
      return value === undefined ? undefined : value.trim();
    } catch {
      problems.push(`${KEY}.${key}: must be a string`);
      return undefined;
    }
  };
  const labelSelector = read('labelSelector');
  const container = read('container');
  if (labelSelector !== undefined && labelSelector.length === 0) {
    problems.push(`${KEY}.labelSelector: must not be empty`);
  }
  if (container !== undefined && !CONTAINER_NAME.test(container)) {
    problems.push(
      `${KEY}.container: must be a container name (lower-case letters, digits and '-')`,
    );
  }
  if (problems.length > 0) throw new PlatformMeshConfigError(problems);
  return {
    ...(labelSelector ? { labelSelector } : {}),
    ...(container ? { container } : {}),
  };
}
