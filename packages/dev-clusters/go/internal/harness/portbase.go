package harness

import (
	"fmt"
	"os"
	"strconv"
	"strings"
)

// checkPortBase compares PM_DEV_PORT_BASE with the one the state was made for. Running
// servers must be stopped before the ports change; etcd's data (which records its peer
// URL) is dropped when they do.
func checkPortBase(c Config, log Logger) error {
	path := c.Layout.State("port-base")
	b, err := os.ReadFile(path)
	if err == nil {
		prev, _ := strconv.Atoi(strings.TrimSpace(string(b)))
		if prev != 0 && prev != c.PortBase {
			if running(c) {
				return fmt.Errorf("the dev clusters run with port base %d, not %d: run `stop` first", prev, c.PortBase)
			}
			log("port base changed from %d to %d: dropping etcd data", prev, c.PortBase)
			if err := os.RemoveAll(c.Layout.State("etcd-data")); err != nil {
				return err
			}
		}
	}
	return writeFileAtomic(path, []byte(strconv.Itoa(c.PortBase)+"\n"), 0o644)
}

func running(c Config) bool {
	if etcdProc(c.Layout).Pid() != 0 {
		return true
	}
	for _, r := range AllRoles {
		if apiserverProc(c.Layout, r).Pid() != 0 {
			return true
		}
	}
	return false
}
