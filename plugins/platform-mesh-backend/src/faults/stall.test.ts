/*
 * Fault injection against a real API server: the network stalls (connections stay open, nothing
 * arrives) and the network is slow. A stalled cluster must not look healthy: the watch's silence
 * limit (about two bookmark intervals in production, 3 s here with 2 s server-side watch
 * timeouts, which makes the server send a bookmark and end every watch within 2 s) turns it into
 * `timeout`, and reconnects.
 */
import { faultRig, report, uniqueName } from './__testUtils__/faultRig';

jest.setTimeout(60_000);

const SILENCE_LIMIT_MS = 3_000;

describe('fault: the network stalls or is slow', () => {
  let rig: Awaited<ReturnType<typeof faultRig>>;
  beforeAll(async () => {
    rig = await faultRig({
      namespace: 'pm-faults-stall',
      transport: { watchTimeoutSeconds: 2, silenceLimitMs: SILENCE_LIMIT_MS },
      requestTimeoutSeconds: 2,
    });
  });
  afterAll(() => rig?.close());

  it('stall: timeout within the silence limit, right again within seconds after', async () => {
    const before = uniqueName('before');
    await rig.writeProfile(before);
    await rig.waitFor(v => v.read.reachable && v.names.includes(before));
    // a healthy watch with short server timeouts never trips the silence limit
    await new Promise(r => setTimeout(r, SILENCE_LIMIT_MS + 1_000));
    expect(rig.view().read.reachable).toBe(true);

    await rig.proxy.stall();
    const stalled = await rig.waitFor(v => !v.read.reachable, 10_000);
    expect(stalled.view.read.error).toMatchObject({ type: 'timeout' });
    expect(stalled.view.names).toContain(before);
    expect(stalled.ms).toBeLessThanOrEqual(SILENCE_LIMIT_MS + 2_500);
    report('stall', 'reported timeout after', stalled.ms);

    const during = uniqueName('during');
    await rig.writeProfile(during);
    await new Promise(r => setTimeout(r, 3_000));
    expect(rig.view().read).toMatchObject({
      reachable: false,
      error: { type: 'timeout' },
    });

    await rig.proxy.pass();
    const back = await rig.waitFor(
      v => v.read.reachable && v.names.includes(during),
    );
    report('stall', 'reachable with current data after', back.ms);
    expect(back.ms).toBeLessThanOrEqual(10_000);
  });

  it('delay below the request timeout: stays reachable, changes still arrive', async () => {
    await rig.waitFor(v => v.read.reachable);
    await rig.proxy.delay(300);
    const slow = uniqueName('slow');
    await rig.writeProfile(slow);
    const seen = await rig.waitFor(v => v.names.includes(slow));
    report('delay(300)', 'change visible after', seen.ms);
    expect(seen.view.read.reachable).toBe(true);
    await rig.proxy.pass();
  });

  it('delay above the request timeout: timeout, right again after', async () => {
    await rig.waitFor(v => v.read.reachable);
    await rig.proxy.delay(2_500);
    const slow = await rig.waitFor(v => !v.read.reachable, 15_000);
    expect(slow.view.read.error).toMatchObject({ type: 'timeout' });
    report('delay(2500)', 'reported timeout after', slow.ms);
    await rig.proxy.pass();
    const back = await rig.waitFor(v => v.read.reachable);
    report('delay(2500)', 'reachable after', back.ms);
    expect(back.ms).toBeLessThanOrEqual(10_000);
  });
});
