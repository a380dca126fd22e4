import type { InstanceStatus } from '@platform-mesh-backstage/plugin-platform-mesh-common';
import { baseStatus } from './base';

/** Everything Ready, all HelmReleases healthy, no findings. */
export const healthyStatus: InstanceStatus = baseStatus();
