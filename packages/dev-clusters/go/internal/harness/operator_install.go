package harness

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// OperatorRelease is the Helm release name of the operator chart on the live operator cluster.
const OperatorRelease = "platform-mesh-operator"

// StandinValuesFile is the values overlay for what cannot run here (live/README.md).
func (l Layout) StandinValuesFile() string {
	return filepath.Join(l.Root, "live", "operator-stand-in-values.yaml")
}

// OperatorUp installs (or upgrades) the real operator chart on the live operator cluster with
// the given values files (the values platform-mesh:render produced, then the stand-in overlay),
// then (re)starts the launcher that runs the operator the chart's Deployment describes.
func OperatorUp(ctx context.Context, c Config, namespace string, valuesFiles []string, log Logger) error {
	pins, err := EnsureControllers(c.Layout, log)
	if err != nil {
		return err
	}
	chart, err := OperatorChartDir(c.Layout, pins)
	if err != nil {
		return err
	}
	helm, err := pins.Pin("helm")
	if err != nil {
		return err
	}
	args := []string{"upgrade", "--install", OperatorRelease, chart,
		"--namespace", namespace, "--create-namespace", "--take-ownership",
		"--kubeconfig", c.Layout.State("kubeconfig-" + string(RoleLiveOperator) + ".yaml"),
		"--timeout", "2m"}
	for _, f := range append(valuesFiles, c.Layout.StandinValuesFile()) {
		args = append(args, "--values", f)
	}
	cctx, cancel := context.WithTimeout(ctx, 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(cctx, c.Layout.ControllerBinary(helm), args...)
	cmd.Env = append(os.Environ(), "HELM_CACHE_HOME="+c.Layout.State("helm", "cache"),
		"HELM_CONFIG_HOME="+c.Layout.State("helm", "config"), "HELM_DATA_HOME="+c.Layout.State("helm", "data"))
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("helm %s: %v\n%s", strings.Join(args[:3], " "), err, out)
	}
	log("helm installed the operator chart %s into %s/%s on the %s cluster", pins.OperatorChart.Version, namespace, OperatorRelease, RoleLiveOperator)
	return restartLauncher(c, namespace, log)
}

// OperatorDown stops the launcher and with it the operator (the chart stays installed).
func OperatorDown(c Config, log Logger) error {
	p := launcherProc(c.Layout)
	pid := p.Pid()
	was, err := p.Stop(20 * time.Second)
	if was {
		log("stopped the operator launcher (pid %d)", pid)
	}
	return err
}

func launcherProc(l Layout) Proc { return NewProc(l, "operator-launcher") }

func restartLauncher(c Config, namespace string, log Logger) error {
	if err := OperatorDown(c, log); err != nil {
		return err
	}
	self, err := os.Executable()
	if err != nil {
		return err
	}
	p := launcherProc(c.Layout)
	pid, err := p.StartEnv(self, []string{"operator-launcher", "--namespace", namespace, "--state", c.Layout.StateDir()},
		[]string{"PM_DEV_ROOT=" + c.Layout.Root})
	if err != nil {
		return err
	}
	log("started the operator launcher (pid %d); its log: %s, the operator's: %s", pid, p.LogFile(), c.Layout.State("operator.log"))
	return nil
}
