import { isMap, type Document } from 'yaml';
import { buildProfile } from '../profile/buildProfile';
import { parseProfileYaml } from '../profile/parseProfileYaml';
import { stringifyProfile } from '../profile/stringifyProfile';
import type { PlatformMeshSetup } from '../types/setup';
import { resolveSetup } from './resolveSetup';

function setIfDifferent(
  doc: Document,
  path: [string, string],
  value: string,
  onlyIfMissing: boolean,
): boolean {
  const section = doc.get(path[0]);
  if (!isMap(section)) return false;
  const current = section.get(path[1]);
  if (
    current === value ||
    (onlyIfMissing && current !== undefined && current !== null)
  ) {
    return false;
  }
  doc.setIn(path, value);
  section.flow = false;
  return true;
}

/**
 * Renders `profile.yaml` for a setup: the given YAML, or a remote profile built from options.
 * Given YAML keeps its comments and quoting; only `deploymentTechnology` (when missing) and, in
 * argocd mode, `destinationServer` in `infra` and `components` are set. Template expressions always
 * stay inside quoted strings, so the result parses as plain YAML before the operator templates it.
 *
 * @param setup - a validated setup
 * @public
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
