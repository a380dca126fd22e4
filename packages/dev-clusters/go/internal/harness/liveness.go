package harness

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

// Reuse is whether the process recorded for a server can be reused, and if not, why.
type Reuse struct {
	// Pid is the recorded process when it is alive and ours (reusable or to be stopped), else 0:
	// a pid that is dead or belongs to another process is never signalled.
	Pid int
	// OK means: alive, ours, running as this server, and answering its liveness probe.
	OK bool
	// Why says what failed, for the log line.
	Why string
}

// recordedPid is the pid in the pid file, alive or not (0 when there is none).
func (p Proc) recordedPid() int {
	b, err := os.ReadFile(p.PidFile())
	if err != nil {
		return 0
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil || pid <= 0 {
		return 0
	}
	return pid
}

// cmdlineArgs are the arguments of a running process (nil when it cannot be read).
func cmdlineArgs(pid int) []string {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", pid))
	if err != nil || len(b) == 0 {
		return nil
	}
	return strings.Split(string(bytes.TrimRight(b, "\x00")), "\x00")
}

// runsWith reports whether the process was started with our state folder on its command line and
// with every one of args (exact arguments, e.g. "--secure-port=16442"). Unlike isOurs it never
// accepts a process just because its environment mentions the state folder (a shell with
// KUBECONFIG=.state/... that got a recycled pid).
func runsWith(pid int, stateDir string, args ...string) bool {
	argv := cmdlineArgs(pid)
	if argv == nil {
		return false
	}
	hasState := false
	for _, a := range argv {
		if strings.Contains(a, stateDir) {
			hasState = true
			break
		}
	}
	if !hasState {
		return false
	}
	for _, want := range args {
		found := false
		for _, a := range argv {
			if a == want {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// checkReuse decides whether the process recorded in p's pid file can be reused: it must be alive,
// be ours and run with identity (the arguments that make it this server), and its liveness probe
// must answer within wait (polled, so a busy server gets some slack).
func checkReuse(ctx context.Context, p Proc, identity []string, probe func(context.Context) bool, wait time.Duration) Reuse {
	pid := p.recordedPid()
	if pid == 0 {
		return Reuse{Why: "no pid recorded"}
	}
	if !alive(pid) {
		return Reuse{Why: fmt.Sprintf("recorded pid %d is not running", pid)}
	}
	if !runsWith(pid, p.l.StateDir(), identity...) {
		return Reuse{Why: fmt.Sprintf("recorded pid %d is another process", pid)}
	}
	deadline := time.Now().Add(wait)
	for {
		if probe(ctx) {
			return Reuse{Pid: pid, OK: true}
		}
		if !alive(pid) {
			return Reuse{Why: fmt.Sprintf("pid %d exited", pid)}
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			return Reuse{Pid: pid, Why: fmt.Sprintf("pid %d does not answer its liveness probe", pid)}
		}
		time.Sleep(250 * time.Millisecond)
	}
}

// releaseStale stops the recorded process when it is ours but not reusable, and removes a pid
// file that points at a dead or foreign process (without signalling it).
func releaseStale(p Proc, r Reuse) error {
	if r.OK {
		return nil
	}
	if r.Pid != 0 {
		_, err := p.Stop(20 * time.Second)
		return err
	}
	if err := os.Remove(p.PidFile()); err != nil && !os.IsNotExist(err) {
		return err
	}
	return nil
}

// apiServerIdentity are the flags that make a process the API server of a role.
func apiServerIdentity(c Config, r Role) []string {
	return []string{"--secure-port=" + strconv.Itoa(c.APIPort(r)), "--etcd-prefix=/" + string(r)}
}

// Live reports whether /livez answers ok.
func (k *Kube) Live(ctx context.Context) bool {
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	b, err := k.Do(ctx, "GET", "/livez", "", nil)
	return err == nil && strings.TrimSpace(string(b)) == "ok"
}
