import { describeObject } from '@platform-mesh-backstage/plugin-platform-mesh-node';
import type { RenderPlan } from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';
import type { ApplyPlanItem } from '../apply/applyPlan';

/**
 * The description of a pull request that adds a rendered instance: what it is, the objects per
 * cluster in apply order (kind, namespace, name; never content), and the Secrets to create out of
 * band. Secrets in the files are named as such (they exist only with `includeSecrets`).
 *
 * @param plan - the render plan
 * @param items - the objects written, in apply order
 * @param secretsWritten - the Secret objects carry credentials (includeSecrets)
 */
export function changeDescription(
  plan: RenderPlan,
  items: ApplyPlanItem[],
  secretsWritten: boolean,
): string {
  const { target, namespace, name } = plan.instanceRef;
  const lines = [
    `Platform Mesh instance \`${namespace}/${name}\` on target \`${target}\` (\`platform-mesh.io/instance: ${plan.annotation}\`), rendered by \`platform-mesh:render\`.`,
    '',
    '| cluster | role | object |',
    '| --- | --- | --- |',
    ...items.map(
      item =>
        `| \`${item.cluster}\` | ${item.role} | ${describeObject(
          item.object,
        )} |`,
    ),
  ];
  if (secretsWritten) {
    lines.push(
      '',
      '**The Secret files hold credentials: encrypt them (e.g. SOPS) before merging.**',
    );
  }
  if (plan.requiredSecrets.length > 0) {
    lines.push(
      '',
      'Secrets to create out of band (they are not in this change):',
      '',
      ...plan.requiredSecrets.map(
        s =>
          `- \`${s.namespace}/${s.name}\` (key \`${s.key}\`) on cluster \`${s.cluster}\`: ${s.purpose}`,
      ),
    );
  }
  return lines.join('\n');
}
