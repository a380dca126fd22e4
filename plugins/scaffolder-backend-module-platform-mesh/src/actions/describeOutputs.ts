import type { z as zod } from 'zod/v3';
import { jsonRecord } from './jsonValue';

type Z = typeof zod;

/**
 * The outputs of `platform-mesh:describe`: the instance's current settings, named like the inputs
 * of `platform-mesh:apply` so an Update template passes them on unchanged.
 */
export const describeOutputProperties = {
  target: (z: Z) => z.string().describe('The target'),
  name: (z: Z) => z.string().describe('The PlatformMesh name'),
  namespace: (z: Z) => z.string().describe('Its namespace'),
  instanceRef: (z: Z) =>
    z
      .object({ target: z.string(), namespace: z.string(), name: z.string() })
      .describe('The instance'),
  baseDomain: (z: Z) =>
    z.string().optional().describe('`spec.exposure.baseDomain`'),
  port: (z: Z) => z.number().optional().describe('`spec.exposure.port`'),
  protocol: (z: Z) =>
    z.string().optional().describe('`spec.exposure.protocol`'),
  featureToggles: (z: Z) =>
    z.array(z.string()).optional().describe('`spec.featureToggles[].name`'),
  kcp: (z: Z) => jsonRecord(z).optional().describe('`spec.kcp`'),
  values: (z: Z) => jsonRecord(z).optional().describe('`spec.values`'),
  profile: (z: Z) =>
    z
      .string()
      .optional()
      .describe("The profile ConfigMap's profile.yaml, as it is"),
  profileConfigMapName: (z: Z) =>
    z
      .string()
      .optional()
      .describe('The profile ConfigMap name, when not the default'),
  owner: (z: Z) =>
    z
      .string()
      .optional()
      .describe(
        'The owner recorded on the PlatformMesh (platform-mesh.io/owner)',
      ),
  sourceTemplate: (z: Z) =>
    z.string().optional().describe('The template recorded on the PlatformMesh'),
  services: (z: Z) =>
    z
      .array(z.string())
      .optional()
      .describe('The services the current profile enables (for display)'),
  notes: (z: Z) =>
    z
      .array(z.string())
      .describe('What could not be carried over into the apply input'),
};
