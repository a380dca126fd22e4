import { PROFILE_HASH_ANNOTATION } from '../constants';
import { cloneJson } from '../profile/deepMerge';
import type { PlatformMesh, PlatformMeshSpec } from '../types/platformMesh';
import type { PlatformMeshSetup } from '../types/setup';
import { RENDERED_OBJECT_LABELS } from './labels';
import { resolveSetup } from './resolveSetup';

/**
 * Options of {@link renderPlatformMesh}.
 */
interface RenderPlatformMeshOptions {
  /**
   * Hash of the rendered profile, written to the `PROFILE_HASH_ANNOTATION` annotation so that a
   * profile-only change touches the PlatformMesh and the operator reconciles.
   */
  profileHash?: string;
  /**
   * More annotations for the PlatformMesh (the catalog owner, the source template, where its
   * catalog entity comes from). The profile hash annotation cannot be overridden here.
   */
  annotations?: Record<string, string>;
}

/**
 * Renders the `core.platform-mesh.io/v1alpha1` PlatformMesh for the runtime cluster. The spec
 * carries only what the setup sets; `spec.profileConfigMap` only when the ConfigMap name or
 * namespace differs from the operator's default. A setup that sets no spec field renders no
 * `spec` at all (the CRD does not require one): server-side applying `spec: {}` over a spec whose
 * last owned field goes away leaves `spec: null`, which the CRD refuses, while an applied
 * configuration without `spec` removes it cleanly. Never sets the `debug.platform-mesh.io` label
 * (the operator ignores objects carrying it).
 *
 * @param setup - a validated setup
 * @param options - optional profile hash
 */
export function renderPlatformMesh(
  setup: PlatformMeshSetup,
  options: RenderPlatformMeshOptions = {},
): PlatformMesh {
  const resolved = resolveSetup(setup);
  const spec: PlatformMeshSpec = {};
  if (setup.exposure) {
    spec.exposure = {
      baseDomain: setup.exposure.baseDomain,
      port: setup.exposure.port,
      protocol: setup.exposure.protocol,
    };
  }
  if (setup.kcp) spec.kcp = cloneJson(setup.kcp);
  if (setup.ocm) spec.ocm = cloneJson(setup.ocm);
  if (setup.featureToggles)
    spec.featureToggles = cloneJson(setup.featureToggles);
  if (setup.values) spec.values = cloneJson(setup.values);
  if (setup.wait) spec.wait = cloneJson(setup.wait);
  if (resolved.profileConfigMap.custom) {
    spec.profileConfigMap =
      resolved.profileConfigMap.namespace === resolved.instance.namespace
        ? { name: resolved.profileConfigMap.name }
        : {
            name: resolved.profileConfigMap.name,
            namespace: resolved.profileConfigMap.namespace,
          };
  }

  const metadata: PlatformMesh['metadata'] = {
    name: resolved.instance.name,
    namespace: resolved.instance.namespace,
    labels: { ...RENDERED_OBJECT_LABELS },
  };
  const annotations: Record<string, string> = { ...options.annotations };
  if (options.profileHash) {
    annotations[PROFILE_HASH_ANNOTATION] = options.profileHash;
  } else {
    delete annotations[PROFILE_HASH_ANNOTATION];
  }
  if (Object.keys(annotations).length > 0) {
    metadata.annotations = Object.fromEntries(
      Object.entries(annotations).sort(([a], [b]) => a.localeCompare(b)),
    );
  }
  return {
    apiVersion: 'core.platform-mesh.io/v1alpha1',
    kind: 'PlatformMesh',
    metadata,
    ...(Object.keys(spec).length > 0 ? { spec } : {}),
  };
}
