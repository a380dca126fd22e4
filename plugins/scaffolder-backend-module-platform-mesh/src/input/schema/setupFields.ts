import {
  INPUT_LIMITS,
  isHttpUrl,
  isKnownService,
  normalizeEntityRef,
  quoteForMessage,
} from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';
import type { PlatformMeshTarget } from '@platform-mesh-backstage/plugin-platform-mesh-node';
import { z } from 'zod/v3';
import type { setupInputProperties } from '../../actions/inputProperties';
import {
  field,
  isAbsent,
  mapping,
  numberIn,
  optional,
  required,
  text,
  textList,
  type FieldSchema,
} from './fieldTypes';
import {
  CREDENTIALS_MODES,
  DEPLOYMENT_TECHNOLOGIES,
  orList,
  PROTOCOLS,
  SERVICE_NAME,
} from './inputOptions';
import { repoUrlEntries, repoUrlsShape } from './serviceRepoUrls';

/** What the field checks depend on besides the input. */
export interface SetupFieldsContext {
  /** The configured targets. */
  targets: PlatformMeshTarget[];
  /** The credentials mode when `credentials` is not given. */
  defaultCredentials: string;
  /** The running template's entity ref, the default of `sourceTemplate`. */
  sourceTemplate?: string;
}

const problem = (ctx: z.RefinementCtx, message: string) =>
  ctx.addIssue({ code: z.ZodIssueCode.custom, message });

const oneOf =
  (values: readonly string[]) => (value: string, ctx: z.RefinementCtx) => {
    if (!values.includes(value)) {
      problem(ctx, `must be ${orList(values)}, got ${quoteForMessage(value)}`);
    }
    return value;
  };

const serverUrl = () =>
  field(optional(text()), (url, ctx) => {
    if (!isHttpUrl(url)) {
      problem(ctx, 'must be the http(s) URL of the API server');
    }
    return url;
  });

const entityRef =
  (kinds: string[], defaultKind?: string) =>
  (ref: string, ctx: z.RefinementCtx) => {
    const checked = normalizeEntityRef(ref, kinds, defaultKind);
    if (checked.ok) return checked.ref;
    problem(ctx, checked.message);
    return ref;
  };

/** A field whose absent value is `fallback`. */
const withDefault = <T extends z.ZodTypeAny>(fallback: unknown, schema: T) =>
  z.preprocess(value => (isAbsent(value) ? fallback : value), schema);

/**
 * Each input field render and apply share: its shape (type and size limits) and its domain rule
 * (a known target, the enums, service names, server URLs, entity refs). One per property of the
 * action's input schema (`setupInputProperties`), in the order problems are reported.
 *
 * @param context - the configured targets and the defaults of the action
 */
export function setupFields(context: SetupFieldsContext) {
  return {
    target: field(required(text()), (name, ctx): PlatformMeshTarget => {
      const target = context.targets.find(t => t.name === name);
      if (!target) {
        const known = context.targets.map(t => t.name);
        problem(
          ctx,
          `${quoteForMessage(
            name,
          )} is not a configured target (platformMesh.targets: ${
            known.length > 0 ? known.join(', ') : 'none configured'
          })`,
        );
      }
      return target!;
    }),
    name: field(required(text())),
    namespace: field(optional(text())),
    baseDomain: field(optional(text())),
    port: field(optional(numberIn({ min: 1, max: 65535 }))),
    protocol: field(optional(text()), oneOf(PROTOCOLS)),
    services: field(optional(textList()), (services, ctx) => {
      for (const [i, service] of services.entries()) {
        if (!isKnownService(service) && !SERVICE_NAME.test(service)) {
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            path: [i],
            message: `${quoteForMessage(service)} is not a service name`,
          });
        }
      }
      return services;
    }),
    serviceOverrides: field(
      optional(mapping()) as z.ZodType<Record<string, any> | undefined>,
    ),
    deploymentTechnology: field(
      optional(text()),
      oneOf(DEPLOYMENT_TECHNOLOGIES),
    ),
    profile: field(optional(text(INPUT_LIMITS.maxProfileYamlLength))),
    featureToggles: field(optional(textList())),
    kcp: field(optional(mapping())),
    values: field(optional(mapping())),
    profileConfigMapName: field(optional(text())),
    secretNames: field(optional(mapping())),
    credentials: field(
      withDefault(context.defaultCredentials, text()),
      oneOf(CREDENTIALS_MODES),
    ),
    kubeconfigSecrets: field(optional(mapping())),
    runtimeServerUrl: serverUrl(),
    infraServerUrl: serverUrl(),
    entityName: field(optional(text()), (name, ctx) => {
      if (!/^[A-Za-z0-9][-A-Za-z0-9_.]{0,62}$/.test(name)) {
        problem(
          ctx,
          'must be a catalog entity name (letters, digits, -, _ and ., at most 63)',
        );
      }
      return name;
    }),
    owner: field(optional(text()), entityRef(['group', 'user'], 'group')),
    sourceTemplate: field(
      withDefault(context.sourceTemplate, optional(text())),
      entityRef(['template']),
    ),
    serviceRepoUrls: field(optional(repoUrlsShape()), repoUrlEntries),
  } satisfies Record<keyof typeof setupInputProperties, FieldSchema<any, any>>;
}

type Fields = ReturnType<typeof setupFields>;

/** The checked value of each input field (undefined when absent or with a problem). */
export type SetupFieldValues = {
  [K in keyof Fields]?: Fields[K] extends FieldSchema<any, infer U>
    ? Exclude<U, undefined>
    : never;
};
