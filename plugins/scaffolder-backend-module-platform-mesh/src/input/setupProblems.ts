import type { ValidationProblem } from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';
import type { Problem } from './inputProblems';

/**
 * Maps a path of `validateSetup` onto the input field the user set.
 *
 * @param path - the setup path (`exposure.baseDomain`, `kubeconfigs.operatorToRuntime.server`)
 * @param credentials - the credentials mode (kubeconfigs come from server URLs or task secrets)
 */
function inputField(path: string, credentials: string): string {
  const rules: Array<[RegExp, string | ((m: RegExpMatchArray) => string)]> = [
    [/^instance\.name$/, 'name'],
    [/^instance\.namespace$/, 'namespace'],
    [/^instance$/, 'name'],
    [/^exposure\.(baseDomain|port|protocol)$/, m => m[1]],
    [/^exposure$/, 'baseDomain'],
    [/^profile\.yaml(.*)$/, m => `profile${m[1]}`],
    [/^profile\.options\.services(.*)$/, m => `services${m[1]}`],
    [/^profile\.options\.destinationServer$/, 'runtimeServerUrl'],
    [
      /^profile\.options\.serviceOverrides(.*)$/,
      m => `serviceOverrides${m[1]}`,
    ],
    [/^profile(\..*)?$/, 'profile'],
    [/^featureToggles\[(\d+)\](\.name)?$/, m => `featureToggles[${m[1]}]`],
    [/^secrets\.(.*)$/, m => `secretNames.${m[1]}`],
    [/^target(\..*)?$/, 'target'],
  ];
  if (credentials !== 'secrets') {
    rules.push(
      [
        /^kubeconfigs\.(operatorToRuntime|infraToRuntime)(\..*)?$/,
        'runtimeServerUrl',
      ],
      [/^kubeconfigs\.operatorToInfra(\..*)?$/, 'infraServerUrl'],
    );
  } else {
    rules.push([
      /^kubeconfigs\.(\w+)(\..*)?$/,
      m => `kubeconfigSecrets.${m[1]}${m[2] ?? ''}`,
    ]);
  }
  for (const [pattern, replacement] of rules) {
    const match = path.match(pattern);
    if (match) {
      return typeof replacement === 'string' ? replacement : replacement(match);
    }
  }
  return path;
}

/**
 * The problems of `validateSetup` as problems of input fields, leaving out those of fields in
 * `skip` (stand-ins, or reported already).
 *
 * @param list - problems or warnings of `validateSetup`
 * @param credentials - the credentials mode
 * @param skip - the input fields not to blame
 */
export function setupProblems(
  list: ValidationProblem[],
  credentials: string,
  skip: ReadonlySet<string>,
): Problem[] {
  return list
    .map(p => ({ field: inputField(p.path, credentials), message: p.message }))
    .filter(p => !skip.has(p.field));
}
