import type { ResourceAccessAttributes } from '@platform-mesh-backstage/plugin-platform-mesh-node';

/** One `status.resourceRules` entry of a SelfSubjectRulesReview (an RBAC PolicyRule). */
export interface ResourceRule {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
}

/**
 * Whether one rule grants the access, matched as Kubernetes RBAC matches a PolicyRule: `*` or the
 * exact verb and API group; `*`, `resource`, `resource/subresource` or `*∕subresource`; and, when
 * the rule names resources, the request's name among them (a request without a name — a create, a
 * list — never matches a rule restricted to names).
 *
 * @internal
 */
export function ruleAllows(
  rule: ResourceRule,
  attributes: ResourceAccessAttributes,
): boolean {
  const group = attributes.group ?? '';
  const combined = attributes.subresource
    ? `${attributes.resource}/${attributes.subresource}`
    : attributes.resource;
  const verbOk = rule.verbs.some(v => v === '*' || v === attributes.verb);
  const groupOk = (rule.apiGroups ?? []).some(g => g === '*' || g === group);
  const resourceOk = (rule.resources ?? []).some(
    r =>
      r === '*' ||
      r === combined ||
      (attributes.subresource !== undefined &&
        r === `*/${attributes.subresource}`),
  );
  const names = rule.resourceNames ?? [];
  const nameOk =
    names.length === 0 ||
    (attributes.name !== undefined && names.includes(attributes.name));
  return verbOk && groupOk && resourceOk && nameOk;
}

/**
 * Whether any of the rules grants the access.
 *
 * @internal
 */
export function rulesAllow(
  rules: ResourceRule[],
  attributes: ResourceAccessAttributes,
): boolean {
  return rules.some(rule => ruleAllows(rule, attributes));
}
