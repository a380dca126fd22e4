/*
 * Fault injection against a real API server: the cluster refuses connections (down), and open
 * connections are cut (a restart or a load balancer dropping them). What the status API shows
 * while it lasts, and how fast it is right again once the cluster answers, with production
 * backoff and watch settings.
 */
import { faultRig, report, uniqueName } from './__testUtils__/faultRig';

jest.setTimeout(60_000);

describe('fault: the cluster is unreachable', () => {
  let rig: Awaited<ReturnType<typeof faultRig>>;
  beforeAll(async () => {
    rig = await faultRig({ namespace: 'pm-faults-unreachable' });
  });
  afterAll(() => rig?.close());

  it('cut: open connections dropped, the watch resumes and misses nothing', async () => {
    const first = uniqueName('first');
    await rig.writeProfile(first);
    await rig.waitFor(v => v.read.reachable && v.names.includes(first));
    await rig.proxy.cut();
    const after = uniqueName('after-cut');
    await rig.writeProfile(after);
    const back = await rig.waitFor(
      v => v.read.reachable && v.names.includes(after),
    );
    report('cut', 'reachable with current data after', back.ms);
    expect(back.ms).toBeLessThanOrEqual(10_000);
    expect(rig.proxy.accepted()).toBeGreaterThan(1);
  });

  it('refuse: unreachable while down (data kept), right again within seconds of coming back', async () => {
    const before = uniqueName('before');
    await rig.writeProfile(before);
    await rig.waitFor(v => v.read.reachable && v.names.includes(before));

    await rig.proxy.refuse();
    const down = await rig.waitFor(v => !v.read.reachable);
    expect(down.view.read.error).toMatchObject({ type: 'unreachable' });
    expect(down.view.names).toContain(before); // the last data stays visible
    report('refuse', 'reported unreachable after', down.ms);

    // long enough for the backoff to reach its cap
    const during = uniqueName('during');
    await rig.writeProfile(during);
    await new Promise(r => setTimeout(r, 8_000));
    expect(rig.view().read).toMatchObject({
      reachable: false,
      error: { type: 'unreachable' },
    });

    await rig.proxy.pass();
    const back = await rig.waitFor(
      v => v.read.reachable && v.names.includes(during),
    );
    report('refuse 8 s', 'reachable with current data after', back.ms);
    expect(back.view.read.error).toBeUndefined();
    expect(back.ms).toBeLessThanOrEqual(10_000);
  });

  it('refuse then pass, many times: every recovery is as fast as the first', async () => {
    const figures: number[] = [];
    for (let i = 0; i < 3; i++) {
      await rig.proxy.refuse();
      await rig.waitFor(v => !v.read.reachable);
      await new Promise(r => setTimeout(r, 1_500));
      await rig.proxy.pass();
      const back = await rig.waitFor(v => v.read.reachable);
      figures.push(back.ms);
      // a healthy while between blips
      await new Promise(r => setTimeout(r, 500));
    }
    report('refuse 1.5 s x3', 'reachable after', Math.max(...figures));
    for (const ms of figures) expect(ms).toBeLessThanOrEqual(5_000);
  });

  it('logs the outage without secrets, and only once per watch', () => {
    const warnings = rig.logger.warn.mock.calls.map(c => String(c[0]));
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.length).toBeLessThanOrEqual(12);
    expect(warnings.join('\n')).not.toMatch(/127\.0\.0\.1|Bearer/);
  });
});
