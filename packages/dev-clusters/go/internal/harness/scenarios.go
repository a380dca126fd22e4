package harness

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// BaselineDir is the scenario folder every scenario seeds first (shared Secrets).
const BaselineDir = "_baseline"

// ScenarioIndex is scenarios/index.yaml.
type ScenarioIndex struct {
	Baseline  ScenarioMeta   `json:"baseline"`
	Scenarios []ScenarioMeta `json:"scenarios"`
}

// ScenarioMeta describes one scenario.
type ScenarioMeta struct {
	Name        string      `json:"name"`
	Description string      `json:"description"`
	Target      string      `json:"target"`
	Namespace   string      `json:"namespace"`
	Exclusive   bool        `json:"exclusive"` // changes the shared baseline; `seed all` skips it
	Absent      []ObjectRef `json:"absent"`    // objects the scenario removes after seeding
}

// ObjectRef names an object on one cluster role.
type ObjectRef struct {
	Cluster    Role   `json:"cluster"`
	APIVersion string `json:"apiVersion"`
	Kind       string `json:"kind"`
	Namespace  string `json:"namespace"`
	Name       string `json:"name"`
}

// LoadScenarioIndex reads and checks scenarios/index.yaml.
func LoadScenarioIndex(dir string) (ScenarioIndex, error) {
	var idx ScenarioIndex
	b, err := os.ReadFile(filepath.Join(dir, "index.yaml"))
	if err != nil {
		return idx, err
	}
	if err := DecodeYAML("scenarios/index.yaml", b, &idx); err != nil {
		return idx, err
	}
	return idx, idx.Validate(dir)
}

// Validate checks names, folders and the absent references.
func (idx ScenarioIndex) Validate(dir string) error {
	seen := map[string]bool{}
	for _, s := range idx.Scenarios {
		if s.Name == "" || s.Name == "all" || strings.HasPrefix(s.Name, "_") || seen[s.Name] {
			return fmt.Errorf("scenarios/index.yaml: invalid or duplicate scenario name %q", s.Name)
		}
		seen[s.Name] = true
		if s.Namespace == "" || s.Target == "" || s.Description == "" {
			return fmt.Errorf("scenario %s: namespace, target and description are required", s.Name)
		}
		if st, err := os.Stat(filepath.Join(dir, s.Name)); err != nil || !st.IsDir() {
			return fmt.Errorf("scenario %s: folder scenarios/%s is missing", s.Name, s.Name)
		}
		for _, a := range s.Absent {
			if _, err := ParseRole(string(a.Cluster)); err != nil {
				return fmt.Errorf("scenario %s: absent: %w", s.Name, err)
			}
		}
	}
	return nil
}

// Find returns the scenario with that name.
func (idx ScenarioIndex) Find(name string) (ScenarioMeta, bool) {
	for _, s := range idx.Scenarios {
		if s.Name == name {
			return s, true
		}
	}
	return ScenarioMeta{}, false
}

// Resolve turns command-line names into scenarios, in order; "all" means every
// non-exclusive scenario.
func (idx ScenarioIndex) Resolve(names []string) ([]ScenarioMeta, error) {
	if len(names) == 0 {
		return nil, fmt.Errorf("name at least one scenario (or all); see `scenarios`")
	}
	var out []ScenarioMeta
	added := map[string]bool{}
	add := func(s ScenarioMeta) {
		if !added[s.Name] {
			added[s.Name] = true
			out = append(out, s)
		}
	}
	for _, n := range names {
		if n == "all" {
			for _, s := range idx.Scenarios {
				if !s.Exclusive {
					add(s)
				}
			}
			continue
		}
		s, ok := idx.Find(n)
		if !ok {
			return nil, fmt.Errorf("unknown scenario %q (known: %s)", n, strings.Join(idx.Names(), ", "))
		}
		add(s)
	}
	return out, nil
}

// Names lists the scenario names.
func (idx ScenarioIndex) Names() []string {
	var n []string
	for _, s := range idx.Scenarios {
		n = append(n, s.Name)
	}
	return n
}

// LoadScenarioObjects parses scenarios/<folder>/<role>.yaml (missing file: no objects).
func LoadScenarioObjects(dir, folder string, r Role) ([]Object, error) {
	path := filepath.Join(dir, folder, string(r)+".yaml")
	b, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return ParseObjects(folder+"/"+string(r)+".yaml", string(b))
}

// AllSeedObjects lists every object of the baseline and of every scenario per role
// (what `reset` deletes), without duplicates, in file order.
func AllSeedObjects(dir string, idx ScenarioIndex) (map[Role][]Object, error) {
	out := map[Role][]Object{}
	seen := map[string]bool{}
	folders := []string{BaselineDir}
	for _, s := range idx.Scenarios {
		folders = append(folders, s.Name)
	}
	for _, f := range folders {
		for _, r := range Roles {
			objs, err := LoadScenarioObjects(dir, f, r)
			if err != nil {
				return nil, err
			}
			for _, o := range objs {
				key := string(r) + "|" + o.APIVersion() + "|" + o.Kind() + "|" + o.Namespace() + "|" + o.Name()
				if !seen[key] {
					seen[key] = true
					out[r] = append(out[r], o)
				}
			}
		}
	}
	return out, nil
}

// SortForDelete orders objects so that dependents go first (workloads before
// their sources and Secrets), which keeps a partially reset cluster readable.
func SortForDelete(objs []Object) []Object {
	rank := map[string]int{
		"PlatformMesh": 0, "Application": 1, "HelmRelease": 1, "Kustomization": 1,
		"OCIRepository": 2, "HelmRepository": 2, "GitRepository": 2, "AppProject": 2,
		"ConfigMap": 3, "Secret": 3,
	}
	out := append([]Object(nil), objs...)
	sort.SliceStable(out, func(i, j int) bool {
		ri, ok := rank[out[i].Kind()]
		if !ok {
			ri = 4
		}
		rj, ok := rank[out[j].Kind()]
		if !ok {
			rj = 4
		}
		return ri < rj
	})
	return out
}
