import { z } from 'zod/v4';
import { isPlainObject } from '../profile/deepMerge';
import type { Problems } from './checks';
import { INPUT_LIMITS } from './limits';
import { isBase64, isHttpUrl } from './rules';
import { fields, flag, ifNoProblemYet, mapping, text } from './schema/shapes';
import { parseInto } from './schema/toProblems';
import { parseWithin } from './schema/within';

// Credential values are never repeated: every message below is fixed text.
const credentialText = text(INPUT_LIMITS.maxCredentialLength);

const pem = credentialText.refine(isBase64, {
  error: 'must be base64-encoded PEM (one line)',
  ...ifNoProblemYet,
});

const tokenCredential = mapping(
  {
    token: credentialText.refine(token => !/\s/.test(token), {
      error: 'must not contain whitespace',
      ...ifNoProblemYet,
    }),
  },
  false,
);

const certificateCredential = mapping(
  { clientCertificateData: pem, clientKeyData: pem },
  false,
);

/** A token, or a client certificate and key (base64), not both. */
const credential = mapping(
  fields(['token', 'clientCertificateData', 'clientKeyData']),
).superRefine((value, ctx) => {
  const hasToken = value.token !== undefined;
  const hasCert =
    value.clientCertificateData !== undefined ||
    value.clientKeyData !== undefined;
  if (hasToken && hasCert) {
    ctx.addIssue({
      code: 'custom',
      message:
        'set either token or clientCertificateData and clientKeyData, not both',
    });
  } else if (!hasToken && !hasCert) {
    ctx.addIssue({
      code: 'custom',
      message: 'needs a token, or clientCertificateData and clientKeyData',
    });
  } else {
    parseWithin(ctx, hasToken ? tokenCredential : certificateCredential, value);
  }
});

/**
 * One kubeconfig source: `server` an http(s) URL, `caData` base64, not both `caData` and
 * `insecureSkipTlsVerify: true`, and a {@link credential}. The cross-field rule and the credential
 * run when other fields failed too, after them.
 */
const kubeconfigSource = mapping({
  server: text().refine(isHttpUrl, {
    error:
      'must be an https:// (or http://) URL of the API server, as the consumer of this kubeconfig reaches it',
    ...ifNoProblemYet,
  }),
  caData: credentialText
    .refine(isBase64, {
      error:
        'must be the base64-encoded PEM CA bundle (one line, no PEM headers)',
      ...ifNoProblemYet,
    })
    .optional(),
  insecureSkipTlsVerify: flag.optional(),
  credential: z.unknown().optional(),
}).superRefine(
  (source, ctx) => {
    if (
      source.insecureSkipTlsVerify === true &&
      credentialText.safeParse(source.caData).success
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['insecureSkipTlsVerify'],
        message:
          'cannot be true together with caData (clients reject a kubeconfig that sets both)',
      });
    }
    parseWithin(ctx, credential, source.credential, ['credential']);
  },
  { when: payload => isPlainObject(payload.value) },
);

function kubeconfigsSchema(operatorIsInfra: boolean) {
  return mapping({
    operatorToRuntime: kubeconfigSource.optional(),
    operatorToInfra: kubeconfigSource.optional(),
    infraToRuntime: kubeconfigSource.optional(),
  }).superRefine(
    (kubeconfigs, ctx) => {
      if (operatorIsInfra && kubeconfigs.operatorToInfra !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['operatorToInfra'],
          message:
            'is not used: the operator runs on the infra cluster (Operator == Infra); remove it, or set target.infraCluster to another cluster',
        });
      }
    },
    { when: payload => isPlainObject(payload.value) },
  );
}

const kubeconfigsSchemas = {
  operatorIsInfra: kubeconfigsSchema(true),
  operatorIsNotInfra: kubeconfigsSchema(false),
};

/**
 * Validates `kubeconfigs`. `operatorToInfra` is only used when Operator != Infra.
 *
 * @internal
 */
export function validateKubeconfigs(
  value: unknown,
  path: string,
  problems: Problems,
  operatorIsInfra: boolean,
): void {
  if (value === undefined) return;
  parseInto(
    operatorIsInfra
      ? kubeconfigsSchemas.operatorIsInfra
      : kubeconfigsSchemas.operatorIsNotInfra,
    value,
    path,
    problems,
  );
}
