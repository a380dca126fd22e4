import {
  checkBoolean,
  checkObject,
  checkString,
  type Problems,
} from './checks';
import { INPUT_LIMITS } from './limits';
import { joinPath } from './path';
import { isBase64, isHttpUrl } from './rules';

/**
 * Validates one kubeconfig source without ever echoing its values: `server` an http(s) URL,
 * `caData` base64, not both `caData` and `insecureSkipTlsVerify: true`, and a credential that is
 * either a token or a client certificate and key (base64).
 *
 * @internal
 */
export function validateKubeconfigSource(
  value: unknown,
  path: string,
  problems: Problems,
): void {
  const source = checkObject(value, path, problems, {
    keys: ['server', 'caData', 'insecureSkipTlsVerify', 'credential'],
  });
  if (!source) return;
  const serverPath = joinPath(path, 'server');
  const server = checkString(source.server, serverPath, problems, true);
  if (server !== undefined && !isHttpUrl(server)) {
    problems.push({
      path: serverPath,
      message:
        'must be an https:// (or http://) URL of the API server, as the consumer of this kubeconfig reaches it',
    });
  }
  const caPath = joinPath(path, 'caData');
  const ca = checkString(
    source.caData,
    caPath,
    problems,
    false,
    INPUT_LIMITS.maxCredentialLength,
  );
  if (ca !== undefined && !isBase64(ca)) {
    problems.push({
      path: caPath,
      message:
        'must be the base64-encoded PEM CA bundle (one line, no PEM headers)',
    });
  }
  const insecure = checkBoolean(
    source.insecureSkipTlsVerify,
    joinPath(path, 'insecureSkipTlsVerify'),
    problems,
  );
  if (insecure === true && ca !== undefined) {
    problems.push({
      path: joinPath(path, 'insecureSkipTlsVerify'),
      message:
        'cannot be true together with caData (clients reject a kubeconfig that sets both)',
    });
  }

  const credPath = joinPath(path, 'credential');
  const credential = checkObject(source.credential, credPath, problems, {
    required: true,
    keys: ['token', 'clientCertificateData', 'clientKeyData'],
  });
  if (!credential) return;
  const hasToken = credential.token !== undefined;
  const hasCert =
    credential.clientCertificateData !== undefined ||
    credential.clientKeyData !== undefined;
  if (hasToken && hasCert) {
    problems.push({
      path: credPath,
      message:
        'set either token or clientCertificateData and clientKeyData, not both',
    });
    return;
  }
  if (!hasToken && !hasCert) {
    problems.push({
      path: credPath,
      message: 'needs a token, or clientCertificateData and clientKeyData',
    });
    return;
  }
  if (hasToken) {
    const token = checkString(
      credential.token,
      joinPath(credPath, 'token'),
      problems,
      true,
      INPUT_LIMITS.maxCredentialLength,
    );
    if (token !== undefined && /\s/.test(token)) {
      problems.push({
        path: joinPath(credPath, 'token'),
        message: 'must not contain whitespace',
      });
    }
    return;
  }
  for (const key of ['clientCertificateData', 'clientKeyData']) {
    const data = checkString(
      credential[key],
      joinPath(credPath, key),
      problems,
      true,
      INPUT_LIMITS.maxCredentialLength,
    );
    if (data !== undefined && !isBase64(data)) {
      problems.push({
        path: joinPath(credPath, key),
        message: 'must be base64-encoded PEM (one line)',
      });
    }
  }
}

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
  const kubeconfigs = checkObject(value, path, problems, {
    keys: ['operatorToRuntime', 'operatorToInfra', 'infraToRuntime'],
  });
  if (!kubeconfigs) return;
  for (const key of [
    'operatorToRuntime',
    'operatorToInfra',
    'infraToRuntime',
  ]) {
    validateKubeconfigSource(kubeconfigs[key], joinPath(path, key), problems);
  }
  if (operatorIsInfra && kubeconfigs.operatorToInfra !== undefined) {
    problems.push({
      path: joinPath(path, 'operatorToInfra'),
      message:
        'is not used: the operator runs on the infra cluster (Operator == Infra); remove it, or set target.infraCluster to another cluster',
    });
  }
}
