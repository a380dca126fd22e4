import { isCollection, LineCounter, parseDocument, visit } from 'yaml';
import {
  PROFILE_CONFIGMAP_KEY,
  PROFILE_CONFIGMAP_SUFFIX,
  PROFILE_HASH_ANNOTATION,
} from '../constants';
import { canRead, instancePlatformMesh, SNAPSHOT_RESOURCES } from '../snapshot';
import type { PlatformMesh } from '../types/platformMesh';
import type { Diagnostic } from '../types/status';
import { onCluster } from './text';
import type { DiagnosticRule } from './types';

/**
 * Where the operator looks for a PlatformMesh's profile: `spec.profileConfigMap` (its namespace
 * defaulting to the PlatformMesh's), else `<name>-profile` in the PlatformMesh's namespace.
 *
 * @param pm - the PlatformMesh
 * @alpha
 */
export function profileConfigMapRefOf(pm: PlatformMesh): {
  name: string;
  namespace: string;
} {
  const namespace = pm.metadata.namespace ?? '';
  const configured = pm.spec?.profileConfigMap;
  if (configured?.name) {
    return {
      name: configured.name,
      namespace: configured.namespace || namespace,
    };
  }
  return { name: `${pm.metadata.name}${PROFILE_CONFIGMAP_SUFFIX}`, namespace };
}

function isMapping(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The problem with the profile text, or undefined when it parses with both sections. A mapping
 * used as a key (what an unquoted `{{ .port }}` parses to) is a problem too: the operator decodes
 * the profile into string-keyed maps and fails on it.
 */
function profileProblem(text: string): string | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  if (doc.errors.length > 0) {
    const first = doc.errors[0].message.split('\n')[0].replace(/:$/, '');
    return `does not parse as YAML: ${first}`;
  }
  let collectionKeyAt: number | undefined;
  visit(doc, {
    Pair(_, pair) {
      if (isCollection(pair.key)) {
        collectionKeyAt = pair.key.range?.[0] ?? 0;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  if (collectionKeyAt !== undefined) {
    const { line } = lineCounter.linePos(collectionKeyAt);
    return `has a mapping as a key at line ${line}, which is what an unquoted template expression such as {{ .port }} parses to`;
  }
  const profile: unknown = doc.toJS();
  if (!isMapping(profile)) return 'is not a YAML mapping';
  const missing = ['infra', 'components'].filter(
    section => !isMapping((profile as Record<string, unknown>)[section]),
  );
  if (missing.length > 0) {
    return `has no ${missing.join(' or ')} mapping`;
  }
  return undefined;
}

/**
 * `profile-missing`: the profile ConfigMap (`spec.profileConfigMap` or `<name>-profile`) exists on
 * the runtime cluster, has the key `profile.yaml`, and that parses as YAML with `infra` and
 * `components` mappings (the operator parses the whole profile before it renders any template).
 */
export const profileMissingRule: DiagnosticRule = {
  id: 'profile-missing',
  evaluate(snapshot) {
    if (
      !canRead(
        snapshot,
        'runtime',
        SNAPSHOT_RESOURCES.platformMeshes,
        SNAPSHOT_RESOURCES.configMaps,
      )
    ) {
      return [];
    }
    const pm = instancePlatformMesh(snapshot);
    if (!pm) return [];
    const { name, namespace } = profileConfigMapRefOf(pm);
    const where = `in namespace ${namespace} on ${onCluster(
      snapshot,
      'runtime',
    )}`;
    const touch = `The operator does not watch ConfigMaps: afterwards touch the PlatformMesh (kubectl -n ${pm.metadata.namespace} annotate platformmeshes.core.platform-mesh.io ${pm.metadata.name} ${PROFILE_HASH_ANNOTATION}=<profile hash> --overwrite).`;
    const finding = (
      summary: string,
      detail: string,
      hint: string,
    ): Diagnostic[] => [
      {
        id: 'profile-missing',
        severity: 'error',
        cluster: 'runtime',
        summary,
        detail,
        hint,
      },
    ];

    const configMap = snapshot.runtime.configMaps.find(
      cm =>
        cm.metadata.name === name &&
        (cm.metadata.namespace ?? pm.metadata.namespace) === namespace,
    );
    if (!configMap) {
      return finding(
        `Profile ConfigMap ${name} is missing`,
        `ConfigMap ${name} ${where} does not exist. The DeploymentSubroutine of PlatformMesh ${pm.metadata.name} reads its profile from it and fails without it; the operator has no built-in profile.`,
        `Create the ConfigMap ${name} ${where} with the key ${PROFILE_CONFIGMAP_KEY} (kubectl -n ${namespace} create configmap ${name} --from-file=${PROFILE_CONFIGMAP_KEY}=<profile file>), on the same cluster as the PlatformMesh. ${touch}`,
      );
    }
    const data: Record<string, unknown> = isMapping(configMap.data)
      ? (configMap.data as Record<string, unknown>)
      : {};
    const raw = data[PROFILE_CONFIGMAP_KEY];
    const text = typeof raw === 'string' ? raw : undefined;
    if (text === undefined) {
      const keys = Object.keys(data);
      return finding(
        `Profile ConfigMap ${name} has no key ${PROFILE_CONFIGMAP_KEY}`,
        `ConfigMap ${name} ${where} exists but does not contain key ${PROFILE_CONFIGMAP_KEY}${
          keys.length ? ` (its keys: ${keys.join(', ')})` : ''
        }; the operator reads only that key.`,
        `Put the profile under the key ${PROFILE_CONFIGMAP_KEY} of ConfigMap ${name}. ${touch}`,
      );
    }
    const problem = profileProblem(text);
    if (problem) {
      return finding(
        `Profile in ConfigMap ${name} is not usable`,
        `The ${PROFILE_CONFIGMAP_KEY} of ConfigMap ${name} ${where} ${problem}. The operator parses the whole profile as YAML before it renders templates, and reads its infra and components sections.`,
        `Fix ${PROFILE_CONFIGMAP_KEY} so that it is a YAML mapping with infra and components sections; put every template expression inside a quoted string ('{{ .baseDomain }}'). ${touch}`,
      );
    }
    return [];
  },
};
