// Package harness runs local kube-apiservers (one etcd, three API servers) for
// the Platform Mesh for Backstage tests and demo.
package harness

import (
	"fmt"
	"os"
	"strconv"
	"strings"
)

// Role is the cluster role one API server plays in a Platform Mesh remote setup.
type Role string

const (
	RoleOperator Role = "operator"
	RoleRuntime  Role = "runtime"
	RoleInfra    Role = "infra"
)

// Roles lists the three roles of the seeded clusters in a stable order (ports follow this order).
var Roles = []Role{RoleOperator, RoleRuntime, RoleInfra}

// The live clusters: a second operator/runtime/infra set where the real Platform Mesh operator
// and real Flux run (see live.go). They are separate API servers because the real controllers
// watch every namespace of their clusters and would overwrite what the seeds write.
const (
	RoleLiveOperator Role = "live-operator"
	RoleLiveRuntime  Role = "live-runtime"
	RoleLiveInfra    Role = "live-infra"
)

// LiveRoles lists the live clusters' roles (ports PortBase+3..+5).
var LiveRoles = []Role{RoleLiveOperator, RoleLiveRuntime, RoleLiveInfra}

// AllRoles lists every API server the harness runs, in port order.
var AllRoles = append(append([]Role{}, Roles...), LiveRoles...)

// DefaultPortBase is the operator API server port; runtime and infra follow.
const DefaultPortBase = 16442

// Config holds the ports and folders of one harness.
type Config struct {
	Layout   Layout
	PortBase int
	// Notices are what the CLI should tell the user about how the config was chosen (e.g. an
	// environment variable that overrides the recorded port base).
	Notices []string
}

// LoadConfig resolves the port base: PM_DEV_PORT_BASE when set, else the one the last `start`
// recorded in .state/port-base (so `seed`, `status` and `stop` talk to the servers that run),
// else DefaultPortBase. When both are set and differ, the environment wins and a notice says so.
func LoadConfig(layout Layout) (Config, error) {
	cfg := Config{Layout: layout, PortBase: DefaultPortBase}
	recorded, err := RecordedPortBase(layout)
	if err != nil {
		return cfg, err
	}
	if v := os.Getenv("PM_DEV_PORT_BASE"); v != "" {
		n, err := parsePortBase(v)
		if err != nil {
			return cfg, fmt.Errorf("PM_DEV_PORT_BASE=%q: %w", v, err)
		}
		cfg.PortBase = n
		if recorded != 0 && recorded != n {
			cfg.Notices = append(cfg.Notices, fmt.Sprintf(
				"PM_DEV_PORT_BASE=%d differs from the port base %d the dev clusters were started with (%s): using %d",
				n, recorded, layout.State("port-base"), n))
		}
		return cfg, nil
	}
	if recorded != 0 {
		cfg.PortBase = recorded
	}
	return cfg, nil
}

// RecordedPortBase is the port base in .state/port-base (0 when there is none yet).
func RecordedPortBase(layout Layout) (int, error) {
	path := layout.State("port-base")
	b, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	n, err := parsePortBase(strings.TrimSpace(string(b)))
	if err != nil {
		return 0, fmt.Errorf("%s: %w (remove it to use the default)", path, err)
	}
	return n, nil
}

func parsePortBase(v string) (int, error) {
	n, err := strconv.Atoi(v)
	if err != nil || n < 1024 || n > 65000 {
		return 0, fmt.Errorf("want a port number between 1024 and 65000")
	}
	return n, nil
}

// APIPort is the secure port of the API server of a role.
func (c Config) APIPort(r Role) int {
	for i, x := range AllRoles {
		if x == r {
			return c.PortBase + i
		}
	}
	panic("unknown role " + string(r))
}

// Port returns PortBase+offset for the harness's other loopback listeners (see the README's port
// table): 6 the chart repository, 10-16 the controllers' metrics, health and storage endpoints.
func (c Config) Port(offset int) int { return c.PortBase + offset }

// EtcdClientPort is the etcd client port (PortBase+8).
func (c Config) EtcdClientPort() int { return c.PortBase + 8 }

// EtcdPeerPort is the etcd peer port (PortBase+9); it listens on loopback only.
func (c Config) EtcdPeerPort() int { return c.PortBase + 9 }

// URL is the https URL of a role's API server.
func (c Config) URL(r Role) string { return fmt.Sprintf("https://127.0.0.1:%d", c.APIPort(r)) }

// EtcdURL is the etcd client URL.
func (c Config) EtcdURL() string { return fmt.Sprintf("http://127.0.0.1:%d", c.EtcdClientPort()) }

// ClusterName is the name of a role's cluster in the generated app-config.
func ClusterName(r Role) string { return "pm-" + string(r) }

// ParseRole accepts operator, runtime, infra and the live-* roles.
func ParseRole(s string) (Role, error) {
	for _, r := range AllRoles {
		if string(r) == s {
			return r, nil
		}
	}
	return "", fmt.Errorf("unknown cluster role %q (want operator, runtime or infra)", s)
}
