package harness

import (
	"regexp"
	"strings"
	"testing"
)

// Nothing may listen beyond loopback: every URL and address in the flags is 127.0.0.1.
func TestServerFlagsLoopbackOnly(t *testing.T) {
	c := Config{Layout: Layout{Root: "/r"}, PortBase: DefaultPortBase}
	args := append([]string{}, EtcdArgs(c)...)
	for _, r := range Roles {
		args = append(args, APIServerArgs(c, r)...)
	}
	hostRe := regexp.MustCompile(`://([^:/]+)`)
	for _, a := range args {
		for _, m := range hostRe.FindAllStringSubmatch(a, -1) {
			if m[1] != "127.0.0.1" && !strings.HasSuffix(m[1], ".svc.cluster.local") {
				t.Errorf("%s: host %s is not loopback", a, m[1])
			}
		}
		if strings.HasPrefix(a, "--bind-address=") && a != "--bind-address=127.0.0.1" {
			t.Errorf("%s", a)
		}
	}
	if got := APIServerArgs(c, RoleInfra); !containsArg(got, "--secure-port=16444") || !containsArg(got, "--etcd-prefix=/infra") {
		t.Errorf("infra flags: %v", got)
	}
}

func containsArg(args []string, a string) bool {
	for _, x := range args {
		if x == a {
			return true
		}
	}
	return false
}
