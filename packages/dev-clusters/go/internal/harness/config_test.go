package harness

import (
	"os"
	"strings"
	"testing"
)

func writePortBase(t *testing.T, l Layout, v string) {
	t.Helper()
	if err := os.WriteFile(l.State("port-base"), []byte(v), 0o644); err != nil {
		t.Fatal(err)
	}
}

// seed, status and stop load the config like this: they must find the servers `start` ran.
func TestLoadConfigPortBase(t *testing.T) {
	t.Run("without state or environment: the default", func(t *testing.T) {
		t.Setenv("PM_DEV_PORT_BASE", "")
		c, err := LoadConfig(tempLayout(t))
		if err != nil || c.PortBase != DefaultPortBase || len(c.Notices) != 0 {
			t.Fatalf("got %d %v %v", c.PortBase, c.Notices, err)
		}
	})

	t.Run("the port base the last start recorded in .state, without the environment variable", func(t *testing.T) {
		t.Setenv("PM_DEV_PORT_BASE", "")
		l := tempLayout(t)
		writePortBase(t, l, "17442\n")
		c, err := LoadConfig(l)
		if err != nil || c.PortBase != 17442 || len(c.Notices) != 0 {
			t.Fatalf("got %d %v %v", c.PortBase, c.Notices, err)
		}
		if got := c.URL(RoleRuntime); got != "https://127.0.0.1:17443" {
			t.Fatalf("runtime URL %s", got)
		}
		if c.EtcdURL() != "http://127.0.0.1:17450" {
			t.Fatalf("etcd URL %s", c.EtcdURL())
		}
	})

	t.Run("the environment variable wins and says that it differs from the state", func(t *testing.T) {
		t.Setenv("PM_DEV_PORT_BASE", "18442")
		l := tempLayout(t)
		writePortBase(t, l, "17442\n")
		c, err := LoadConfig(l)
		if err != nil || c.PortBase != 18442 {
			t.Fatalf("got %d %v", c.PortBase, err)
		}
		if len(c.Notices) != 1 || !strings.Contains(c.Notices[0], "PM_DEV_PORT_BASE=18442 differs from the port base 17442") {
			t.Fatalf("notices %v", c.Notices)
		}
	})

	t.Run("the same value in both: no notice", func(t *testing.T) {
		t.Setenv("PM_DEV_PORT_BASE", "17442")
		l := tempLayout(t)
		writePortBase(t, l, "17442")
		c, err := LoadConfig(l)
		if err != nil || c.PortBase != 17442 || len(c.Notices) != 0 {
			t.Fatalf("got %d %v %v", c.PortBase, c.Notices, err)
		}
	})

	t.Run("a broken state file or variable is an error naming it", func(t *testing.T) {
		t.Setenv("PM_DEV_PORT_BASE", "")
		l := tempLayout(t)
		writePortBase(t, l, "garbage")
		if _, err := LoadConfig(l); err == nil || !strings.Contains(err.Error(), "port-base") {
			t.Fatalf("want an error naming .state/port-base, got %v", err)
		}
		t.Setenv("PM_DEV_PORT_BASE", "80")
		if _, err := LoadConfig(tempLayout(t)); err == nil || !strings.Contains(err.Error(), "PM_DEV_PORT_BASE") {
			t.Fatalf("want an error naming PM_DEV_PORT_BASE, got %v", err)
		}
	})
}
