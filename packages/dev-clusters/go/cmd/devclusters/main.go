// Command devclusters runs three local kube-apiservers (operator, runtime, infra)
// with the Platform Mesh, Flux and Argo CD CRDs, and seeds scenarios into them.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"text/tabwriter"

	"devclusters/internal/harness"
)

const usage = `usage: devclusters <command>

  start                 build (once) and start etcd + 3 API servers, or reuse running ones;
                        apply RBAC and CRDs; write .state/ (kubeconfigs, clusters.json, app-config)
  stop                  stop everything (SIGTERM, then SIGKILL)
  status                per role: url, pid, ready, memory
  seed <scenario...>    write scenario objects and their status ("all": every non-exclusive one)
  reset                 delete every object the seeds write (namespaces stay)
  scenarios             list the scenarios
  build                 only build the binaries (API servers and the real controllers)
  operator up --namespace NS --values FILE...
                        helm-install the real operator chart on the live operator cluster with
                        these values (then live/operator-stand-in-values.yaml) and (re)start the
                        launcher that runs the operator from the chart's Deployment
  operator down         stop the launcher and the operator
  record                record objects the real controllers wrote into the test fixtures

Environment: PM_DEV_PORT_BASE (default: the one the last start recorded in .state/port-base, else
16442: operator, +1 runtime, +2 infra, +8/+9 etcd; when set it wins, with a notice if it differs),
PM_DEV_PLATFORMMESH_CRD (a local copy of the pinned PlatformMesh CRD, see crd-pins.yaml),
PM_DEV_CONTROLLERS=off (start only the API servers), PM_DEV_UPSTREAM_DIR (pinned upstream archives).
`

func main() {
	if len(os.Args) < 2 {
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	}
	ctx, cancel := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer cancel()
	if err := run(ctx, os.Args[1], os.Args[2:]); err != nil {
		fmt.Fprintln(os.Stderr, "dev-clusters:", err)
		os.Exit(1)
	}
}

func logf(format string, args ...any) { fmt.Printf(format+"\n", args...) }

func run(ctx context.Context, cmd string, args []string) error {
	layout, err := harness.FindLayout()
	if err != nil {
		return err
	}
	cfg, err := harness.LoadConfig(layout)
	if err != nil {
		return err
	}
	for _, n := range cfg.Notices {
		fmt.Fprintln(os.Stderr, "dev-clusters:", n)
	}
	switch cmd {
	case "start":
		return harness.Start(ctx, cfg, logf)
	case "stop":
		return harness.Stop(cfg, logf)
	case "status":
		sts, err := harness.Status(ctx, cfg)
		if err != nil {
			return err
		}
		harness.PrintStatus(os.Stdout, sts)
		return nil
	case "build":
		if _, err := harness.EnsureBinaries(layout, logf); err != nil {
			return err
		}
		_, err := harness.EnsureControllers(layout, logf)
		return err
	case "chart-repo":
		return harness.ServeChartRepo(ctx, cfg)
	case "stand-ins":
		return harness.RunStandins(ctx, cfg, logf)
	case "operator-launcher":
		return harness.RunLauncher(ctx, cfg, flagValue(args, "--namespace", "platform-mesh-system"), logf)
	case "operator":
		return operatorCommand(ctx, cfg, args)
	case "record":
		return harness.Record(ctx, cfg, args, logf)
	case "scenarios":
		return listScenarios(layout)
	case "seed":
		s, err := harness.NewSeeder(cfg, logf)
		if err != nil {
			return err
		}
		return s.Seed(ctx, args)
	case "reset":
		s, err := harness.NewSeeder(cfg, logf)
		if err != nil {
			return err
		}
		return s.Reset(ctx)
	case "help", "-h", "--help":
		fmt.Print(usage)
		return nil
	}
	fmt.Fprint(os.Stderr, usage)
	return fmt.Errorf("unknown command %q", cmd)
}

func listScenarios(layout harness.Layout) error {
	idx, err := harness.LoadScenarioIndex(layout.ScenariosDir())
	if err != nil {
		return err
	}
	w := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "SCENARIO\tTARGET\tNAMESPACE\tDESCRIPTION")
	for _, s := range idx.Scenarios {
		desc := strings.TrimSpace(s.Description)
		if s.Exclusive {
			desc = "[exclusive: changes the shared operator-cluster Secrets of the whole target; not in `seed all`] " + desc
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", s.Name, s.Target, s.Namespace, desc)
	}
	return w.Flush()
}

func operatorCommand(ctx context.Context, cfg harness.Config, args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("usage: operator up --namespace NS --values FILE... | operator down")
	}
	switch args[0] {
	case "up":
		var values []string
		for i := 1; i < len(args)-1; i++ {
			if args[i] == "--values" {
				values = append(values, args[i+1])
			}
		}
		if len(values) == 0 {
			return fmt.Errorf("operator up needs --values FILE (the Helm values platform-mesh:render produced)")
		}
		return harness.OperatorUp(ctx, cfg, flagValue(args, "--namespace", "platform-mesh-system"), values, logf)
	case "down":
		return harness.OperatorDown(cfg, logf)
	}
	return fmt.Errorf("unknown operator command %q", args[0])
}

func flagValue(args []string, name, def string) string {
	for i := 0; i < len(args)-1; i++ {
		if args[i] == name {
			return args[i+1]
		}
	}
	return def
}
