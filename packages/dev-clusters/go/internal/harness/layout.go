package harness

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// Layout names the folders of the package: sources, the binary cache and the state.
type Layout struct {
	Root string // packages/dev-clusters
}

// FindLayout uses PM_DEV_ROOT, else walks up from the working directory and from
// the executable until it finds the package (a folder holding go/go.mod and scenarios/).
func FindLayout() (Layout, error) {
	if v := os.Getenv("PM_DEV_ROOT"); v != "" {
		abs, err := filepath.Abs(v)
		if err != nil {
			return Layout{}, err
		}
		if !isPackageRoot(abs) {
			return Layout{}, fmt.Errorf("PM_DEV_ROOT=%s is not the dev-clusters package", v)
		}
		return Layout{Root: abs}, nil
	}
	var starts []string
	if wd, err := os.Getwd(); err == nil {
		starts = append(starts, wd)
	}
	if exe, err := os.Executable(); err == nil {
		starts = append(starts, filepath.Dir(exe))
	}
	for _, s := range starts {
		for d := s; ; d = filepath.Dir(d) {
			if isPackageRoot(d) {
				return Layout{Root: d}, nil
			}
			if cand := filepath.Join(d, "packages", "dev-clusters"); isPackageRoot(cand) {
				return Layout{Root: cand}, nil
			}
			if filepath.Dir(d) == d {
				break
			}
		}
	}
	return Layout{}, errors.New("cannot find packages/dev-clusters: run from the repository or set PM_DEV_ROOT")
}

func isPackageRoot(d string) bool {
	_, e1 := os.Stat(filepath.Join(d, "go", "go.mod"))
	_, e2 := os.Stat(filepath.Join(d, "scenarios", "index.yaml"))
	return e1 == nil && e2 == nil
}

// GoDir is the Go wrapper module that pins kube-apiserver and holds the CLI.
func (l Layout) GoDir() string { return filepath.Join(l.Root, "go") }

// EtcdGoDir is the small wrapper module that pins etcd.
func (l Layout) EtcdGoDir() string { return filepath.Join(l.Root, "go", "etcd") }

// BinDir is the git-ignored binary cache.
func (l Layout) BinDir() string { return filepath.Join(l.Root, ".bin") }

// StateDir is the git-ignored runtime state (certs, tokens, data, logs, pid files).
func (l Layout) StateDir() string { return filepath.Join(l.Root, ".state") }

// State joins a name under the state folder.
func (l Layout) State(name ...string) string {
	return filepath.Join(append([]string{l.StateDir()}, name...)...)
}

// ScenariosDir holds the seed scenarios.
func (l Layout) ScenariosDir() string { return filepath.Join(l.Root, "scenarios") }

// CRDPinsFile lists the upstream modules the CRDs are read from.
func (l Layout) CRDPinsFile() string { return filepath.Join(l.Root, "crd-pins.yaml") }

// RBACDir holds the RBAC manifests users copy (examples/rbac at the repository root).
func (l Layout) RBACDir() string { return filepath.Join(l.Root, "..", "..", "examples", "rbac") }
