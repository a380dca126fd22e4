'use strict';

// A loopback TCP proxy in front of one API server whose behaviour can be switched while clients
// use it, for fault-injection tests. It forwards bytes only (TLS passes through untouched: clients
// connect to 127.0.0.1:<port> with the API server's real CA, whose serving certificate covers
// 127.0.0.1), so every fault is one a real network or a real server could produce.

const net = require('node:net');

/**
 * Starts a fault proxy in front of `targetUrl` (an https://127.0.0.1:<port> API server URL), in
 * mode `pass`. Modes:
 * - `pass`: forward both ways;
 * - `refuse`: stop listening and drop every open connection (a client gets ECONNREFUSED);
 * - `delay(ms)`: forward every chunk `ms` later, both ways;
 * - `stall`: accept connections but forward nothing, on new and open connections alike (bytes
 *   wait unread until `pass`);
 * - `cut()`: destroy every open connection once (the mode stays as it was).
 */
async function startFaultProxy(targetUrl) {
  const target = new URL(targetUrl);
  if (target.hostname !== '127.0.0.1') {
    throw new Error('the fault proxy only forwards to 127.0.0.1');
  }
  /** @type {Set<{ client: net.Socket, upstream: net.Socket }>} */
  const pairs = new Set();
  let mode = 'pass';
  let delayMs = 0;
  let accepted = 0;

  const server = net.createServer(client => {
    accepted += 1;
    const upstream = net.connect(Number(target.port), target.hostname);
    const pair = { client, upstream };
    pairs.add(pair);
    forward(client, upstream);
    forward(upstream, client);
    if (mode === 'stall') pausePair(pair);
    const close = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  });

  /** Copies `from` to `to` in order, each chunk `delayMs` late when delaying. */
  function forward(from, to) {
    let lastDue = 0;
    from.on('data', chunk => {
      if (mode !== 'delay' || delayMs <= 0) {
        to.write(chunk);
        return;
      }
      const due = Math.max(Date.now() + delayMs, lastDue);
      lastDue = due;
      setTimeout(() => {
        if (!to.destroyed) to.write(chunk);
      }, due - Date.now());
    });
    from.on('end', () => {
      const wait = lastDue - Date.now();
      if (wait > 0) setTimeout(() => to.end(), wait);
      else to.end();
    });
  }

  function pausePair(pair) {
    pair.client.pause();
    pair.upstream.pause();
  }

  function resumePair(pair) {
    pair.client.resume();
    pair.upstream.resume();
  }

  function destroyAll() {
    for (const pair of pairs) {
      pair.client.destroy();
      pair.upstream.destroy();
    }
    pairs.clear();
  }

  function listen(port) {
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  }

  async function setMode(next) {
    const previous = mode;
    mode = next;
    if (next === 'refuse') {
      if (server.listening) {
        const closed = new Promise(resolve => server.close(() => resolve()));
        destroyAll();
        await closed;
      }
      return;
    }
    if (previous === 'refuse') await listen(port);
    if (next === 'stall') for (const pair of pairs) pausePair(pair);
    else if (previous === 'stall') for (const pair of pairs) resumePair(pair);
  }

  await listen(0);
  const { port } = server.address();

  return {
    url: `https://127.0.0.1:${port}`,
    port,
    mode: () => (mode === 'delay' ? `delay(${delayMs})` : mode),
    connections: () => pairs.size,
    accepted: () => accepted,
    pass: () => setMode('pass'),
    refuse: () => setMode('refuse'),
    stall: () => setMode('stall'),
    delay: ms => {
      delayMs = ms;
      return setMode('delay');
    },
    cut: async () => destroyAll(),
    close: async () => {
      mode = 'refuse';
      destroyAll();
      if (server.listening)
        await new Promise(resolve => server.close(() => resolve()));
    },
  };
}

module.exports = { startFaultProxy };
