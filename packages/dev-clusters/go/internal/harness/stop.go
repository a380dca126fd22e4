package harness

import (
	"context"
	"fmt"
	"io"
	"sync"
	"time"
)

// Stop terminates the API servers, then etcd (SIGTERM, wait, then SIGKILL).
func Stop(c Config, log Logger) error {
	lock, err := AcquireLock(c.Layout, 5*time.Minute)
	if err != nil {
		return err
	}
	defer lock.Release()
	var (
		mu       sync.Mutex
		firstErr error
	)
	StopLive(c, log) // the real controllers first: they talk to the API servers
	procs := []Proc{}
	for _, r := range AllRoles {
		procs = append(procs, apiserverProc(c.Layout, r))
	}
	procs = append(procs, etcdProc(c.Layout))
	stopAll := func(ps []Proc) {
		done := make(chan struct{}, len(ps))
		for _, p := range ps {
			go func() {
				defer func() { done <- struct{}{} }()
				pid := p.Pid()
				was, err := p.Stop(20 * time.Second)
				switch {
				case err != nil:
					log("%s: %v", p.Name, err)
					mu.Lock()
					if firstErr == nil {
						firstErr = err
					}
					mu.Unlock()
				case was:
					log("stopped %s (pid %d)", p.Name, pid)
				}
			}()
		}
		for range ps {
			<-done
		}
	}
	stopAll(procs[:len(AllRoles)]) // API servers first, in parallel
	stopAll(procs[len(AllRoles):]) // then etcd
	return firstErr
}

// RoleStatus is one line of `status`.
type RoleStatus struct {
	Name  string
	URL   string
	Pid   int
	Ready bool
	RSS   int // KiB
}

// Status reports pid, readiness and memory of etcd and each API server.
func Status(ctx context.Context, c Config) ([]RoleStatus, error) {
	var out []RoleStatus
	ep := etcdProc(c.Layout)
	pid := ep.Pid()
	out = append(out, RoleStatus{Name: "etcd", URL: c.EtcdURL(), Pid: pid, Ready: pid != 0 && etcdHealthy(ctx, c), RSS: RSSKiB(pid)})
	caPEM, caErr := CAPEM(c.Layout)
	for _, r := range AllRoles {
		p := apiserverProc(c.Layout, r)
		pid := p.Pid()
		st := RoleStatus{Name: string(r), URL: c.URL(r), Pid: pid, RSS: RSSKiB(pid)}
		if pid != 0 && caErr == nil {
			toks, _ := ReadTokens(c.Layout, r)
			if k, err := NewKube(c.URL(r), toks["admin"], caPEM); err == nil {
				st.Ready = k.Ready(ctx)
			}
		}
		out = append(out, st)
	}
	for _, p := range liveProcs(c.Layout) {
		pid := p.Pid()
		out = append(out, RoleStatus{Name: p.Name, URL: "-", Pid: pid, Ready: pid != 0, RSS: RSSKiB(pid)})
	}
	return out, nil
}

// PrintStatus writes the status table.
func PrintStatus(w io.Writer, sts []RoleStatus) {
	fmt.Fprintf(w, "%-18s %-24s %-8s %-6s %s\n", "ROLE", "URL", "PID", "READY", "RSS")
	for _, s := range sts {
		pid := "-"
		rss := "-"
		if s.Pid != 0 {
			pid = fmt.Sprint(s.Pid)
			rss = fmt.Sprintf("%d MiB", s.RSS/1024)
		}
		fmt.Fprintf(w, "%-18s %-24s %-8s %-6v %s\n", s.Name, s.URL, pid, s.Ready, rss)
	}
}
