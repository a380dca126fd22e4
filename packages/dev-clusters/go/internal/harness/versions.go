package harness

import (
	"fmt"
	"os"
	"regexp"
	"strings"
)

// Module paths whose versions pin the binaries.
const (
	KubernetesModule = "k8s.io/kubernetes"
	EtcdServerModule = "go.etcd.io/etcd/server/v3"
)

// RequiredVersion returns the version of module required by the go.mod text
// (single-line or block form). It is pure so that it can be tested.
func RequiredVersion(gomod, module string) (string, error) {
	re := regexp.MustCompile(`(?m)^\s*(?:require\s+)?` + regexp.QuoteMeta(module) + `\s+(v[0-9][^\s/]*)`)
	for _, m := range re.FindAllStringSubmatch(gomod, -1) {
		line := strings.TrimSpace(m[0])
		if strings.Contains(line, "=>") {
			continue
		}
		return m[1], nil
	}
	return "", fmt.Errorf("go.mod does not require %s", module)
}

// ModuleVersion reads go.mod in dir and returns the required version of module.
func ModuleVersion(dir, module string) (string, error) {
	b, err := os.ReadFile(dir + "/go.mod")
	if err != nil {
		return "", err
	}
	return RequiredVersion(string(b), module)
}
