// Package harness runs local kube-apiservers (one etcd, three API servers) for
// the Platform Mesh for Backstage tests and demo.
package harness

import (
	"fmt"
	"os"
	"strconv"
)

// Role is the cluster role one API server plays in a Platform Mesh remote setup.
type Role string

const (
	RoleOperator Role = "operator"
	RoleRuntime  Role = "runtime"
	RoleInfra    Role = "infra"
)

// Roles lists the three roles in a stable order (ports follow this order).
var Roles = []Role{RoleOperator, RoleRuntime, RoleInfra}

// DefaultPortBase is the operator API server port; runtime and infra follow.
const DefaultPortBase = 16442

// Config holds the ports and folders of one harness.
type Config struct {
	Layout   Layout
	PortBase int
}

// LoadConfig reads PM_DEV_PORT_BASE (optional) and resolves the folders.
func LoadConfig(layout Layout) (Config, error) {
	cfg := Config{Layout: layout, PortBase: DefaultPortBase}
	if v := os.Getenv("PM_DEV_PORT_BASE"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1024 || n > 65000 {
			return cfg, fmt.Errorf("PM_DEV_PORT_BASE=%q: want a port number between 1024 and 65000", v)
		}
		cfg.PortBase = n
	}
	return cfg, nil
}

// APIPort is the secure port of the API server of a role.
func (c Config) APIPort(r Role) int {
	for i, x := range Roles {
		if x == r {
			return c.PortBase + i
		}
	}
	panic("unknown role " + string(r))
}

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

// ParseRole accepts operator, runtime or infra.
func ParseRole(s string) (Role, error) {
	for _, r := range Roles {
		if string(r) == s {
			return r, nil
		}
	}
	return "", fmt.Errorf("unknown cluster role %q (want operator, runtime or infra)", s)
}
