package harness

import (
	"encoding/base64"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var scenariosDir = filepath.Join("..", "..", "..", "scenarios")

func loadIndex(t *testing.T) ScenarioIndex {
	t.Helper()
	idx, err := LoadScenarioIndex(scenariosDir)
	if err != nil {
		t.Fatal(err)
	}
	return idx
}

func TestResolveScenarios(t *testing.T) {
	idx := loadIndex(t)
	all, err := idx.Resolve([]string{"all"})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range all {
		if s.Exclusive {
			t.Errorf("all must leave out exclusive %s", s.Name)
		}
	}
	if len(all) != len(idx.Scenarios)-2 {
		t.Errorf("all: %d scenarios, want every one but the 2 exclusive ones", len(all))
	}
	got, err := idx.Resolve([]string{"failed", "healthy", "failed"})
	if err != nil || len(got) != 2 || got[0].Name != "failed" {
		t.Errorf("order and de-duplication: %v %v", got, err)
	}
	if _, err := idx.Resolve([]string{"nope"}); err == nil {
		t.Error("unknown scenario must fail")
	}
	if _, err := idx.Resolve(nil); err == nil {
		t.Error("no scenario must fail")
	}
}

// Every scenario file parses, expands, and keeps to its own namespace (or the shared
// platform-mesh-system and argocd namespaces); seeded kubeconfigs carry no real token.
func TestScenarioFiles(t *testing.T) {
	idx := loadIndex(t)
	ex := Expander{Vars: map[string]string{"OPERATOR_URL": "https://o", "RUNTIME_URL": "https://r", "INFRA_URL": "https://i"},
		Now: time.Now(), BaseDir: scenariosDir}
	want := []string{"healthy", "progressing", "failed", "argocd", "operator-secret-missing", "operator-secret-wrong-key",
		"cr-on-wrong-cluster", "flux-secret-missing", "source-missing"}
	for _, n := range want {
		if _, ok := idx.Find(n); !ok {
			t.Errorf("scenario %s is missing", n)
		}
	}
	folders := map[string]string{BaselineDir: ""}
	for _, s := range idx.Scenarios {
		folders[s.Name] = s.Namespace
		if s.Namespace != "pm-"+s.Name {
			t.Errorf("%s: namespace %s, want pm-%s", s.Name, s.Namespace, s.Name)
		}
	}
	for folder, ns := range folders {
		instances := 0
		for _, r := range Roles {
			objs, err := LoadScenarioObjects(scenariosDir, folder, r)
			if err != nil {
				t.Fatal(err)
			}
			for _, o := range objs {
				spec, status, _ := SplitStatus(o)
				x, err := ex.Expand(spec)
				if err != nil {
					t.Errorf("%s/%s %s: %v", folder, r, o.Ref(), err)
					continue
				}
				if status != nil {
					ex2 := ex
					ex2.Generation = 3
					if _, err := ex2.Expand(status); err != nil {
						t.Errorf("%s/%s %s status: %v", folder, r, o.Ref(), err)
					}
				}
				if got := o.Namespace(); got != ns && got != "platform-mesh-system" && got != "argocd" {
					t.Errorf("%s/%s %s: namespace %q", folder, r, o.Ref(), got)
				}
				if o.Kind() == "PlatformMesh" {
					instances++
					if o.Name() != "platform-mesh" || !strings.HasPrefix(o.APIVersion(), "core.platform-mesh.io/") {
						t.Errorf("%s: instance %s %s", folder, o.APIVersion(), o.Name())
					}
					checkConditions(t, folder, status)
				}
				if o.Kind() == "Secret" {
					checkDummySecret(t, folder, NormalizeSecret(x.(Object)))
				}
			}
		}
		if folder != BaselineDir && instances != 1 {
			t.Errorf("%s: %d PlatformMesh instances, want 1", folder, instances)
		}
	}
}

var conditionTypes = map[string]bool{"DeploymentSubroutine": true, "KcpsetupSubroutine": true, "ProvidersecretSubroutine": true,
	"FeatureToggleSubroutine": true, "WaitSubroutine": true, "Ready": true}
var conditionReasons = map[string]bool{"Complete": true, "Pending": true, "Stopped": true, "Skipped": true, "Error": true, "Unknown": true}

func checkConditions(t *testing.T, folder string, status map[string]any) {
	if status == nil {
		return
	}
	conds, _ := status["conditions"].([]any)
	for _, c := range conds {
		m := c.(map[string]any)
		if !conditionTypes[fmt.Sprint(m["type"])] || !conditionReasons[fmt.Sprint(m["reason"])] {
			t.Errorf("%s: condition %v/%v is not one the operator writes", folder, m["type"], m["reason"])
		}
	}
}

func checkDummySecret(t *testing.T, folder string, s Object) {
	data, _ := s["data"].(map[string]any)
	for k, v := range data {
		b, err := base64.StdEncoding.DecodeString(fmt.Sprint(v))
		if err != nil {
			t.Errorf("%s: Secret %s key %s: %v", folder, s.Name(), k, err)
			continue
		}
		text := string(b)
		if (strings.Contains(text, "token") || strings.Contains(text, "Token")) && !strings.Contains(text, "not-a-real-token") {
			t.Errorf("%s: Secret %s key %s must hold a dummy token", folder, s.Name(), k)
		}
	}
}

func TestAbsentRefersToBaseline(t *testing.T) {
	idx := loadIndex(t)
	all, err := AllSeedObjects(scenariosDir, idx)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range idx.Scenarios {
		for _, a := range s.Absent {
			found := false
			for _, o := range all[a.Cluster] {
				if o.Kind() == a.Kind && o.Namespace() == a.Namespace && o.Name() == a.Name {
					found = true
				}
			}
			if !found {
				t.Errorf("%s: absent %s %s/%s is not a seeded object", s.Name, a.Kind, a.Namespace, a.Name)
			}
		}
	}
}

func TestSortForDelete(t *testing.T) {
	in := []Object{{"kind": "Secret"}, {"kind": "OCIRepository"}, {"kind": "HelmRelease"}, {"kind": "PlatformMesh"}}
	var got []string
	for _, o := range SortForDelete(in) {
		got = append(got, o.Kind())
	}
	if strings.Join(got, ",") != "PlatformMesh,HelmRelease,OCIRepository,Secret" {
		t.Errorf("order %v", got)
	}
}
