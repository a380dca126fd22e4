package harness

import (
	"context"
	"fmt"
	"os"
	"time"
)

// LiveEnabled is false when PM_DEV_CONTROLLERS=off: then `start` runs only the API servers.
func LiveEnabled() bool { return os.Getenv("PM_DEV_CONTROLLERS") != "off" }

func chartRepoProc(l Layout) Proc { return NewProc(l, "chart-repo") }

// StartLive builds (once) and starts what runs next to the live clusters: the loopback chart
// repository, real Flux (source-controller, helm-controller) on the live infra cluster and the
// stand-ins loop. The operator starts later, with `operator up`, once an instance's Secrets exist.
func StartLive(ctx context.Context, c Config, log Logger) error {
	began := time.Now()
	pins, err := EnsureControllers(c.Layout, log)
	if err != nil {
		return err
	}
	if _, err := OperatorChartDir(c.Layout, pins); err != nil {
		return err
	}
	if err := ensureSelfProc(c, chartRepoProc(c.Layout), "chart-repo", log); err != nil {
		return err
	}
	if err := ensureFlux(c, pins, log); err != nil {
		return err
	}
	if err := ensureSelfProc(c, standinsProc(c.Layout), "stand-ins", log); err != nil {
		return err
	}
	log("live clusters: chart repository %s, Flux and stand-ins running (%s)", c.ChartRepoURL(), time.Since(began).Round(100*time.Millisecond))
	return nil
}

// ensureSelfProc starts `devclusters <command>` detached unless it already runs.
func ensureSelfProc(c Config, p Proc, command string, log Logger) error {
	self, err := os.Executable()
	if err != nil {
		return err
	}
	if pid := p.Pid(); pid != 0 {
		if exe, _ := os.Readlink(fmt.Sprintf("/proc/%d/exe", pid)); exe == self {
			log("reusing %s (pid %d)", command, pid)
			return nil
		}
		log("restarting %s (pid %d): the dev-clusters CLI changed", command, pid)
		if _, err := p.Stop(20 * time.Second); err != nil {
			return err
		}
	}
	pid, err := p.StartEnv(self, []string{command, "--state", c.Layout.StateDir()}, []string{"PM_DEV_ROOT=" + c.Layout.Root})
	if err != nil {
		return fmt.Errorf("start %s: %w", command, err)
	}
	log("started %s (pid %d)", command, pid)
	return nil
}

// StopLive stops the operator launcher, the stand-ins, Flux and the chart repository.
func StopLive(c Config, log Logger) {
	for _, p := range liveProcs(c.Layout) {
		pid := p.Pid()
		if was, err := p.Stop(20 * time.Second); err != nil {
			log("%s: %v", p.Name, err)
		} else if was {
			log("stopped %s (pid %d)", p.Name, pid)
		}
	}
}

// liveProcs are the processes next to the live clusters, in stop order.
func liveProcs(l Layout) []Proc {
	return []Proc{launcherProc(l), standinsProc(l), fluxProc(l, "helm-controller"),
		fluxProc(l, "source-controller"), chartRepoProc(l)}
}
