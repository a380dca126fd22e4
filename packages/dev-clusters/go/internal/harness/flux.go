package harness

import (
	"fmt"
	"strconv"
)

// fluxProc names the Flux controller processes in .state/.
func fluxProc(l Layout, name string) Proc { return NewProc(l, "flux-"+name) }

// FluxArgs are the flags of the real Flux controllers on the live infra cluster: every listener
// on 127.0.0.1 inside the port base, no leader election (one replica), all namespaces.
func FluxArgs(c Config, name string) []string {
	addr := func(off int) string { return "127.0.0.1:" + strconv.Itoa(c.Port(off)) }
	common := []string{"--watch-all-namespaces=true", "--enable-leader-election=false", "--log-level=info", "--log-encoding=json"}
	switch name {
	case "source-controller":
		return append(common,
			"--metrics-addr="+addr(10), "--health-addr="+addr(11),
			"--storage-path="+c.Layout.State("flux-storage"),
			"--storage-addr="+addr(12), "--storage-adv-addr="+addr(12))
	case "helm-controller":
		return append(common, "--metrics-addr="+addr(13), "--health-addr="+addr(14))
	}
	panic("unknown Flux controller " + name)
}

// ensureFlux starts source-controller and helm-controller against the live infra cluster (or
// reuses running ones). Flux has no --kubeconfig flag: KUBECONFIG points at the admin kubeconfig.
func ensureFlux(c Config, pins ControllerPins, log Logger) error {
	for _, name := range []string{"source-controller", "helm-controller"} {
		p := fluxProc(c.Layout, name)
		if pid := p.Pid(); pid != 0 {
			log("reusing %s (pid %d)", name, pid)
			continue
		}
		pin, err := pins.Pin(name)
		if err != nil {
			return err
		}
		env := []string{"KUBECONFIG=" + c.Layout.State("kubeconfig-"+string(RoleLiveInfra)+".yaml")}
		pid, err := p.StartEnv(c.Layout.ControllerBinary(pin), FluxArgs(c, name), env)
		if err != nil {
			return fmt.Errorf("start %s: %w", name, err)
		}
		log("started Flux %s %s (pid %d) on the %s cluster", name, pin.Version, pid, RoleLiveInfra)
	}
	return nil
}
