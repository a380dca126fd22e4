/*
 * Fault injection against a real API server: a watch from a resourceVersion the server no longer
 * has (after a long disconnect, or an etcd compaction). The real server answers such a watch with
 * a `410 Gone` ERROR event; to get there without waiting for a compaction, the first list here
 * reports resourceVersion 1 (the watch then really resumes from a compacted revision). The
 * informer must list again and be right, without an error shown. (A watch request answered with
 * an HTTP 410 status is covered over msw in cache/ClusterTransport.test.ts.)
 */
import type { ResourceTransport } from '../cache/transport';
import { faultRig, report, uniqueName } from './__testUtils__/faultRig';

jest.setTimeout(30_000);

describe('fault: 410 Gone from a real API server', () => {
  it('lists again after a watch from a compacted resourceVersion, and shows current data', async () => {
    const lists: string[] = [];
    const watches: string[] = [];
    const stale = (real: ResourceTransport): ResourceTransport => ({
      description: real.description,
      list: async signal => {
        const answer = await real.list(signal);
        lists.push(answer.resourceVersion);
        return lists.length === 1
          ? { ...answer, resourceVersion: '1' }
          : answer;
      },
      watch: (rv, onEvent, signal, established) => {
        watches.push(rv);
        return real.watch(rv, onEvent, signal, established);
      },
    });
    const rig = await faultRig({ namespace: 'pm-faults-expired', wrap: stale });
    try {
      const name = uniqueName('current');
      await rig.writeProfile(name);
      const started = Date.now();
      const ok = await rig.waitFor(
        v => lists.length >= 2 && v.read.reachable && v.names.includes(name),
      );
      report(
        '410 Gone',
        'listed again, current data after',
        Date.now() - started,
      );
      expect(ok.view.read.error).toBeUndefined();
      expect(watches[0]).toBe('1');
      expect(watches[1]).toBe(lists[1]);
      expect(rig.logger.warn).not.toHaveBeenCalled();
      expect(rig.logger.info).toHaveBeenCalledWith(
        expect.stringContaining('watch expired, listing again'),
      );
    } finally {
      await rig.close();
    }
  });
});
