package harness

import "testing"

func TestRequiredVersion(t *testing.T) {
	gomod := `module devclusters

replace (
	k8s.io/api => k8s.io/api v0.37.2
)

require sigs.k8s.io/yaml v1.6.0

require (
	go.etcd.io/etcd/server/v3 v3.6.16 // indirect
	k8s.io/kubernetes v1.37.2 // indirect
)
`
	cases := map[string]string{
		"k8s.io/kubernetes":         "v1.37.2",
		"go.etcd.io/etcd/server/v3": "v3.6.16",
		"sigs.k8s.io/yaml":          "v1.6.0",
	}
	for mod, want := range cases {
		got, err := RequiredVersion(gomod, mod)
		if err != nil || got != want {
			t.Errorf("%s: got %q, %v; want %q", mod, got, err, want)
		}
	}
	if _, err := RequiredVersion(gomod, "k8s.io/api"); err == nil {
		t.Error("a replace line must not count as a requirement")
	}
}

func TestKubeVersionLDFlags(t *testing.T) {
	got := kubeVersionLDFlags("v1.37.2")
	for _, want := range []string{"gitVersion=v1.37.2", "gitMajor=1", "gitMinor=37"} {
		if !contains(got, want) {
			t.Errorf("ldflags %q lack %q", got, want)
		}
	}
}

func contains(s, sub string) bool { return len(s) >= len(sub) && indexOf(s, sub) >= 0 }

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}
