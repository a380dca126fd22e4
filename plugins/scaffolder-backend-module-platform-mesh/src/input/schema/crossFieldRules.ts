import type { PlatformMeshTarget } from '@platform-mesh-backstage/plugin-platform-mesh-node';
import { z } from 'zod/v3';
import type { Field } from './fieldTypes';

/** The fields the cross-field rules read. */
export interface CrossFields {
  target: Field<string | undefined, PlatformMeshTarget | undefined>;
  baseDomain: Field<string | undefined>;
  port: Field<number | undefined>;
  protocol: Field<string | undefined>;
  profile: Field<string | undefined>;
  services: Field<string[] | undefined>;
  serviceOverrides: Field<Record<string, unknown> | undefined>;
  serviceRepoUrls: Field<Record<string, unknown> | undefined, unknown>;
  deploymentTechnology: Field<string | undefined>;
  credentials: Field<string>;
  kubeconfigSecrets: Field<Record<string, unknown> | undefined>;
}

const problem = (ctx: z.RefinementCtx, field: string, message: string) =>
  ctx.addIssue({ code: z.ZodIssueCode.custom, path: [field], message });

/**
 * The rules between fields: port and protocol need baseDomain; services, serviceOverrides and
 * serviceRepoUrls are not combined with profile; deploymentTechnology matches the target's;
 * kubeconfigSecrets only with `credentials: secrets`. A field without the right type or size is
 * not blamed again (its `typed` is undefined), a field that breaks its own rule still is (a
 * `protocol: ftp` still needs a baseDomain).
 */
export function crossFieldRules(fields: CrossFields, ctx: z.RefinementCtx) {
  if (
    !fields.baseDomain.typed &&
    (fields.port.given || fields.protocol.typed !== undefined)
  ) {
    problem(
      ctx,
      'baseDomain',
      'is required when port or protocol is set (the operator uses all three exposure fields together)',
    );
  }
  if (fields.profile.typed !== undefined) {
    for (const name of [
      'services',
      'serviceOverrides',
      'serviceRepoUrls',
    ] as const) {
      if (fields[name].typed !== undefined) {
        problem(
          ctx,
          name,
          'cannot be combined with profile: a given profile YAML lists its own services',
        );
      }
    }
  }
  const technology = fields.deploymentTechnology.value;
  const target = fields.target.value;
  if (technology && target && technology !== target.deploymentTechnology) {
    problem(
      ctx,
      'deploymentTechnology',
      `is ${technology}, but target ${target.name} is configured for ${target.deploymentTechnology}`,
    );
  }
  if (
    fields.kubeconfigSecrets.typed &&
    fields.credentials.typed !== 'secrets'
  ) {
    problem(ctx, 'kubeconfigSecrets', 'is only read with credentials: secrets');
  }
}
