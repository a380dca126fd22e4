import { isMap, isScalar, type Document, type Pair, type YAMLMap } from 'yaml';
import { buildProfile } from '../profile/buildProfile';
import { parseProfileYaml } from '../profile/parseProfileYaml';
import { stringifyProfile } from '../profile/stringifyProfile';
import type { PlatformMeshSetup } from '../types/setup';
import { resolveSetup } from './resolveSetup';

/**
 * The last pair with a key in a mapping: the one the operator reads when a key is given twice
 * (`sigs.k8s.io/yaml` keeps the last value).
 */
function lastPair(map: YAMLMap, key: string): Pair | undefined {
  let found: Pair | undefined;
  for (const pair of map.items) {
    if (isScalar(pair.key) && String(pair.key.value) === key) found = pair;
  }
  return found;
}

function setIfDifferent(
  doc: Document,
  path: [string, string],
  value: string,
  onlyIfMissing: boolean,
): boolean {
  const root = doc.contents;
  if (!isMap(root)) return false;
  const section = lastPair(root, path[0])?.value;
  if (!isMap(section)) return false;
  const pair = lastPair(section, path[1]);
  const current = isScalar(pair?.value) ? pair.value.value : pair?.value;
  if (
    current === value ||
    (onlyIfMissing && current !== undefined && current !== null)
  ) {
    return false;
  }
  if (pair) pair.value = doc.createNode(value);
  else section.set(path[1], value);
  section.flow = false;
  return true;
}

/**
 * Renders `profile.yaml` for a setup: the given YAML, or a remote profile built from options.
 * Given YAML is returned byte for byte when nothing needs setting, and otherwise keeps its
 * comments, quoting and duplicate keys; only `deploymentTechnology` (when missing) and, in argocd
 * mode, `destinationServer` in `infra` and `components` are set, on the last occurrence of a key
 * given twice (the one the operator reads). Template expressions always
 * stay inside quoted strings, so the result parses as plain YAML before the operator templates it.
 *
 * @param setup - a validated setup
 */
export function renderProfile(setup: PlatformMeshSetup): string {
  const resolved = resolveSetup(setup);
  const technology = resolved.deploymentTechnology;

  if ('options' in setup.profile && setup.profile.options) {
    return stringifyProfile(
      buildProfile(setup.profile.options, {
        deploymentTechnology: technology,
        namespace: resolved.instance.namespace,
        destinationServer: resolved.destinationServer,
        port: setup.exposure?.port,
        ocm: {
          repo: setup.ocm?.repo?.name,
          component: setup.ocm?.component?.name,
        },
      }),
    );
  }

  const yaml = setup.profile.yaml ?? '';
  const parsed = parseProfileYaml(yaml);
  if (!parsed.document) {
    throw new Error(
      `profile.yaml cannot be rendered: ${parsed.problems
        .map(p => p.message)
        .join('; ')}`,
    );
  }
  const doc = parsed.document;
  let changed = false;
  for (const section of ['infra', 'components']) {
    changed =
      setIfDifferent(
        doc,
        [section, 'deploymentTechnology'],
        technology,
        true,
      ) || changed;
    if (technology === 'argocd' && resolved.destinationServer) {
      changed =
        setIfDifferent(
          doc,
          [section, 'destinationServer'],
          resolved.destinationServer,
          false,
        ) || changed;
    }
  }
  return changed ? doc.toString({ lineWidth: 0, indentSeq: false }) : yaml;
}
