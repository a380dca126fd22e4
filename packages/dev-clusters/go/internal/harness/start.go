package harness

import (
	"context"
	"fmt"
	"net"
	"strconv"
	"sync"
	"time"
)

// Logger prints progress lines.
type Logger func(format string, args ...any)

// Start brings up etcd and the three API servers (reusing healthy ones), applies
// RBAC and CRDs to every cluster and writes the kubeconfigs and config files.
func Start(ctx context.Context, c Config, log Logger) error {
	l := c.Layout
	lock, err := AcquireLock(l, 20*time.Minute)
	if err != nil {
		return err
	}
	defer lock.Release()

	began := time.Now()
	bins, err := EnsureBinaries(l, log)
	if err != nil {
		return err
	}
	if err := EnsurePKI(l); err != nil {
		return fmt.Errorf("certificates: %w", err)
	}
	toks := map[Role]Tokens{}
	for _, r := range AllRoles {
		if toks[r], err = EnsureTokens(l, r); err != nil {
			return fmt.Errorf("tokens: %w", err)
		}
	}
	caPEM, err := CAPEM(l)
	if err != nil {
		return err
	}

	rbac, err := LoadRBAC(l)
	if err != nil {
		return err
	}
	crds, origins, err := LoadCRDs(l)
	if err != nil {
		return fmt.Errorf("CRDs: %w", err)
	}

	if err := checkPortBase(c, log); err != nil {
		return err
	}
	if err := ensureEtcd(ctx, c, bins, log); err != nil {
		return err
	}
	serversBegan := time.Now()
	clients := map[Role]*Kube{}
	for _, r := range AllRoles {
		if clients[r], err = NewKube(c.URL(r), toks[r]["admin"], caPEM); err != nil {
			return err
		}
	}
	if err := ensureAPIServers(ctx, c, bins, clients, log); err != nil {
		return err
	}
	log("API servers ready in %s", time.Since(serversBegan).Round(100*time.Millisecond))

	if err := forEachRole(AllRoles, func(r Role) error {
		if err := ApplyRBAC(ctx, clients[r], rbac); err != nil {
			return fmt.Errorf("%s: RBAC: %w", r, err)
		}
		if pruned, err := PruneRBAC(ctx, clients[r], rbac); err != nil {
			return fmt.Errorf("%s: RBAC: %w", r, err)
		} else if len(pruned) > 0 {
			log("%s: removed RBAC no longer in examples/rbac: %v", r, pruned)
		}
		if err := InstallCRDs(ctx, clients[r], crds); err != nil {
			return fmt.Errorf("%s: %w", r, err)
		}
		return nil
	}); err != nil {
		return err
	}
	log("RBAC (%d objects) and CRDs (%d, Established) on every cluster:", len(rbac), len(crds))
	for i, cr := range crds {
		log("  %-55s %s", cr.Name(), origins[i])
	}
	if err := WriteOutputs(c, caPEM, toks); err != nil {
		return err
	}
	if LiveEnabled() {
		// The seeded clusters work without the real controllers: a failure here is reported,
		// and what needs the controllers (`operator up`, the live lane) fails with it.
		if err := StartLive(ctx, c, log); err != nil {
			log("WARNING: the real controllers did not start, the live clusters have none: %v", err)
		}
	}
	log("ready in %s; wrote %s (kubeconfig-<role>.yaml, clusters.json, app-config.dev-clusters.yaml)", time.Since(began).Round(100*time.Millisecond), l.StateDir())
	return nil
}

func ensureEtcd(ctx context.Context, c Config, bins Binaries, log Logger) error {
	p := etcdProc(c.Layout)
	if pid := p.Pid(); pid != 0 {
		if err := waitFor(p, pid, 30*time.Second, func() bool { return etcdHealthy(ctx, c) }); err != nil {
			return err
		}
		log("reusing etcd (pid %d) on %s", pid, c.EtcdURL())
		return nil
	}
	if err := portFree(c.EtcdClientPort()); err != nil {
		return err
	}
	pid, err := p.Start(bins.Etcd, EtcdArgs(c))
	if err != nil {
		return err
	}
	log("started etcd %s (pid %d) on %s", bins.EtcdVersion, pid, c.EtcdURL())
	return waitFor(p, pid, 60*time.Second, func() bool { return etcdHealthy(ctx, c) })
}

func ensureAPIServers(ctx context.Context, c Config, bins Binaries, clients map[Role]*Kube, log Logger) error {
	pids := map[Role]int{}
	for _, r := range AllRoles {
		p := apiserverProc(c.Layout, r)
		reuse := checkReuse(ctx, p, apiServerIdentity(c, r), clients[r].Live, 15*time.Second)
		if reuse.OK {
			pids[r] = reuse.Pid
			log("reusing %s API server (pid %d) on %s", r, reuse.Pid, c.URL(r))
			continue
		}
		if reuse.Why != "no pid recorded" {
			log("not reusing the %s API server: %s; starting it again", r, reuse.Why)
		}
		if err := releaseStale(p, reuse); err != nil {
			return fmt.Errorf("%s API server: %w", r, err)
		}
		if err := portFree(c.APIPort(r)); err != nil {
			return err
		}
		pid, err := p.Start(bins.KubeAPIServer, APIServerArgs(c, r))
		if err != nil {
			return err
		}
		pids[r] = pid
		log("started %s API server %s (pid %d) on %s", r, bins.KubernetesVersion, pid, c.URL(r))
	}
	return forEachRole(AllRoles, func(r Role) error {
		return waitFor(apiserverProc(c.Layout, r), pids[r], 3*time.Minute, func() bool { return clients[r].Ready(ctx) })
	})
}

// forEachRole runs fn for every role concurrently and returns the first error.
func forEachRole(roles []Role, fn func(Role) error) error {
	var wg sync.WaitGroup
	errs := make([]error, len(roles))
	for i, r := range roles {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = fn(r)
		}()
	}
	wg.Wait()
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}

func portFree(port int) error {
	conn, err := net.DialTimeout("tcp", "127.0.0.1:"+strconv.Itoa(port), 500*time.Millisecond)
	if err != nil {
		return nil
	}
	conn.Close()
	return fmt.Errorf("127.0.0.1:%d is in use by a process this harness did not start (see PM_DEV_PORT_BASE)", port)
}
