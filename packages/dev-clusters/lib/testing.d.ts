export type Role = 'operator' | 'runtime' | 'infra';
export type LiveRole = 'live-operator' | 'live-runtime' | 'live-infra';
export type Identity = 'admin' | 'reader' | 'applier' | 'backstage';

export interface DevCluster {
  name: string;
  url: string;
  /** base64 of the CA certificate (PEM) */
  caData: string;
  tokens: Record<Identity, string>;
}

export declare const ROLES: Role[];
export declare const LIVE_ROLES: LiveRole[];
export declare function operatorUp(namespace: string, valuesYaml: string): void;
export declare function operatorDown(): void;
export declare function operatorLog(lines?: number): string;
export declare function devClusters(): Record<Role | LiveRole, DevCluster>;
export declare function appConfigFile(): string;
export declare function seed(...scenarios: string[]): void;
export declare function clusterEntry(
  name: string,
  role: Role | LiveRole,
  identity: Identity,
  url?: string,
): {
  name: string;
  url: string;
  authProvider: 'serviceAccount';
  serviceAccountToken: string;
  caData: string;
};
export declare function secretMaterial(): string[];
export declare function startProxy(
  targetUrl: string,
): Promise<{ url: string; cut(): Promise<void> }>;
export declare function eventually<T>(
  check: () => Promise<T | undefined>,
  timeoutMs?: number,
): Promise<T>;
