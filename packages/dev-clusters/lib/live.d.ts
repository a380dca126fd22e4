export declare const LIVE_NAMESPACE: string;
export declare function liveProfile(): string;
export declare function liveTemplateValues(profile?: string): {
  target: string;
  name: string;
  baseDomain: string;
  port: number;
  profile: string;
  mode: 'direct';
  waitForReady: boolean;
  force: boolean;
};
export declare function operatorValuesFromTaskOutput(
  output: unknown,
): string | undefined;
