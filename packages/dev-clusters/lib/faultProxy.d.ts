/**
 * A loopback TCP proxy in front of one dev API server, whose behaviour tests switch at runtime.
 * TLS passes through untouched: connect to `url` with the API server's real CA.
 */
export interface FaultProxy {
  /** `https://127.0.0.1:<port>`: use it as a cluster URL. */
  url: string;
  port: number;
  /** The current mode: `pass`, `refuse`, `stall` or `delay(<ms>)`. */
  mode(): string;
  /** Connections open through the proxy now. */
  connections(): number;
  /** Connections accepted since the start. */
  accepted(): number;
  /** Forward both ways (listening again after `refuse`, releasing what `stall` held). */
  pass(): Promise<void>;
  /** Stop listening and drop every open connection: clients get ECONNREFUSED. */
  refuse(): Promise<void>;
  /** Accept connections but forward nothing; open connections go silent. */
  stall(): Promise<void>;
  /** Forward every chunk `ms` later, both ways. */
  delay(ms: number): Promise<void>;
  /** Destroy every open connection once; the mode stays. */
  cut(): Promise<void>;
  /** Stop the proxy. */
  close(): Promise<void>;
}

/** Starts a {@link FaultProxy} in mode `pass` in front of an `https://127.0.0.1:<port>` URL. */
export declare function startFaultProxy(targetUrl: string): Promise<FaultProxy>;
