/*
 * Starts `backend.ts` as a child process and talks to it over IPC.
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Entity } from '@backstage/catalog-model';
import type { ConfigData, Counters, MemoryFigures, PluginSet } from './backend';

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise(resolve => server.close(resolve));
  return port;
}

export class BackendProcess {
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (value: any) => void; reject: (error: Error) => void }
  >();
  private exited = false;

  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
    /** Where the backend's own log goes (outside the repository). */
    readonly logFile: string,
  ) {
    child.on('message', (message: any) => {
      // the TypeScript transform also sends messages (files to watch): they carry no id
      const waiter =
        typeof message?.id === 'number'
          ? this.pending.get(message.id)
          : undefined;
      if (!waiter) return;
      this.pending.delete(message.id);
      if (message.ok) waiter.resolve(message);
      else waiter.reject(new Error(message.error));
    });
    child.on('exit', code => {
      this.exited = true;
      for (const waiter of this.pending.values()) {
        waiter.reject(
          new Error(
            `the benchmark backend exited (code ${code}); its log: ${logFile}`,
          ),
        );
      }
      this.pending.clear();
    });
  }

  get pid(): number {
    return this.child.pid!;
  }

  /**
   * Forks the backend with `plugins`, sends it the config (with `backend.listen` on a free
   * loopback port), and resolves once it serves HTTP.
   */
  static async start(options: {
    plugins: PluginSet;
    config: (port: number) => ConfigData;
    entities: Entity[];
  }): Promise<BackendProcess> {
    const port = await freePort();
    const logFile = path.join(
      os.tmpdir(),
      `pm-bench-backend-${process.pid}-${options.plugins}.log`,
    );
    const log = fs.openSync(logFile, 'w', 0o600);
    const child = fork(require.resolve('./backend.ts'), [], {
      execArgv: [
        '--require',
        require.resolve('@backstage/cli/config/nodeTransform.cjs'),
        '--expose-gc',
      ],
      stdio: ['ignore', log, log, 'ipc'],
      env: { ...process.env, NODE_ENV: 'production' },
    });
    fs.closeSync(log);
    const backend = new BackendProcess(child, port, logFile);
    await backend.call('start', {
      config: options.config(port),
      entities: options.entities,
      plugins: options.plugins,
    });
    return backend;
  }

  call(type: string, extra: object = {}, timeoutMs = 180_000): Promise<any> {
    if (this.exited) {
      return Promise.reject(
        new Error(
          `the benchmark backend is not running; its log: ${this.logFile}`,
        ),
      );
    }
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`the benchmark backend did not answer "${type}"`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: v => {
          clearTimeout(timer);
          resolve(v);
        },
        reject: e => {
          clearTimeout(timer);
          reject(e);
        },
      });
      this.child.send({ type, id, ...extra });
    });
  }

  async memory(): Promise<MemoryFigures> {
    return (await this.call('memory')).memory;
  }

  async counters(): Promise<Counters> {
    return (await this.call('counters')).counters;
  }

  /** Stops the backend gracefully (its shutdown hooks close the watches), or kills it. */
  async stop(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise(resolve => this.child.once('exit', resolve));
    try {
      await this.call('stop', {}, 20_000);
    } catch {
      this.child.kill('SIGKILL');
    }
    await exited;
    fs.rmSync(this.logFile, { force: true });
  }

  /** Last resort on a crash of the runner. */
  kill(): void {
    if (!this.exited) this.child.kill('SIGKILL');
  }
}
