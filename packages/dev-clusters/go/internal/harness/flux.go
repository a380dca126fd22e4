package harness

import (
	"fmt"
	"net/http"
	"os"
	"strconv"
	"time"
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
		if err := os.MkdirAll(c.Layout.State("flux-storage"), 0o755); err != nil {
			return err
		}
		env := []string{"KUBECONFIG=" + c.Layout.State("kubeconfig-"+string(RoleLiveInfra)+".yaml")}
		pid, err := p.StartEnv(c.Layout.ControllerBinary(pin), FluxArgs(c, name), env)
		if err != nil {
			return fmt.Errorf("start %s: %w", name, err)
		}
		if err := waitFor(p, pid, time.Minute, func() bool { return httpOK(fluxHealthURL(c, name)) }); err != nil {
			return err
		}
		log("started Flux %s %s (pid %d) on the %s cluster", name, pin.Version, pid, RoleLiveInfra)
	}
	return nil
}

func fluxHealthURL(c Config, name string) string {
	off := 11
	if name == "helm-controller" {
		off = 14
	}
	return fmt.Sprintf("http://127.0.0.1:%d/readyz", c.Port(off))
}

// httpOK is true when a loopback GET answers 200.
func httpOK(url string) bool {
	client := &http.Client{Timeout: 2 * time.Second, Transport: &http.Transport{Proxy: nil}}
	resp, err := client.Get(url)
	if err != nil {
		return false
	}
	resp.Body.Close()
	return resp.StatusCode == http.StatusOK
}
