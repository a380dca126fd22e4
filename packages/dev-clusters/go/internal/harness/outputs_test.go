package harness

import (
	"encoding/json"
	"strings"
	"testing"
)

func testTokens() map[Role]Tokens {
	m := map[Role]Tokens{}
	for _, r := range AllRoles {
		m[r] = Tokens{"admin": "adm-" + string(r), "reader": "rd", "applier": "ap", "backstage": "bs-" + string(r), "reconciler": "rc-" + string(r)}
	}
	return m
}

func TestRenderAppConfig(t *testing.T) {
	c := Config{Layout: Layout{Root: "/r"}, PortBase: 20000}
	var cfg struct {
		PlatformMesh struct {
			Clusters []struct {
				Name, URL, AuthProvider, ServiceAccountToken, CAData string
			} `json:"clusters"`
			Targets []struct {
				Name, OperatorCluster, RuntimeCluster, InfraCluster, DeploymentTechnology, Namespace string
				Namespaces                                                                           []string
				Reconcile                                                                            struct {
					Clusters struct{ Runtime, Infra string } `json:"clusters"`
				} `json:"reconcile"`
			} `json:"targets"`
		} `json:"platformMesh"`
	}
	if err := DecodeYAML("app-config", RenderAppConfig(c, []byte("PEM"), testTokens(), TargetNamespaces(ScenarioIndex{Scenarios: []ScenarioMeta{{Name: "a", Target: "argo", Namespace: "pm-a"}, {Name: "d", Target: "dev", Namespace: "pm-d"}}})), &cfg); err != nil {
		t.Fatal(err)
	}
	cl := cfg.PlatformMesh.Clusters
	if len(cl) != 10 || cl[4].Name != "pm-live-runtime" || cl[4].URL != "https://127.0.0.1:20004" || cl[1].Name != "pm-runtime" || cl[1].URL != "https://127.0.0.1:20001" ||
		cl[1].ServiceAccountToken != "bs-runtime" || cl[1].AuthProvider != "serviceAccount" || cl[1].CAData != "UEVN" {
		t.Errorf("clusters: %+v", cl)
	}
	// the Reconcile write identities: the same URL as the cluster, the reconciler token
	if cl[6].Name != "pm-runtime-reconciler" || cl[6].URL != cl[1].URL || cl[6].ServiceAccountToken != "rc-runtime" ||
		cl[9].Name != "pm-live-infra-reconciler" || cl[9].URL != cl[5].URL || cl[9].ServiceAccountToken != "rc-live-infra" {
		t.Errorf("reconciler clusters: %+v", cl[6:])
	}
	tg := cfg.PlatformMesh.Targets
	if tg[0].Reconcile.Clusters.Runtime != "pm-runtime-reconciler" || tg[0].Reconcile.Clusters.Infra != "pm-infra-reconciler" ||
		tg[2].Reconcile.Clusters.Infra != "pm-infra-reconciler" || tg[3].Reconcile.Clusters.Runtime != "pm-live-runtime-reconciler" ||
		tg[1].Reconcile.Clusters.Runtime != "" {
		t.Errorf("reconcile of targets: %+v", tg)
	}
	if len(tg) != 4 || tg[3].Name != "live" || tg[3].RuntimeCluster != "pm-live-runtime" || tg[3].InfraCluster != "pm-live-infra" || tg[0].Name != "dev" || tg[0].InfraCluster != "pm-infra" ||
		tg[1].Name != "colocated" || tg[1].OperatorCluster != "pm-infra" || tg[1].InfraCluster != "" ||
		tg[2].DeploymentTechnology != "argocd" || tg[2].Namespace != "platform-mesh-system" ||
		strings.Join(tg[0].Namespaces, ",") != "platform-mesh-system,pm-d,pm-e2e-*" || strings.Join(tg[2].Namespaces, ",") != "platform-mesh-system,pm-a" ||
		strings.Join(tg[3].Namespaces, ",") != "platform-mesh-system" {
		t.Errorf("targets: %+v", tg)
	}
}

func TestRenderClustersJSON(t *testing.T) {
	c := Config{Layout: Layout{Root: "/r"}, PortBase: DefaultPortBase}
	b, err := RenderClustersJSON(c, []byte("PEM"), testTokens())
	if err != nil {
		t.Fatal(err)
	}
	var f ClustersFile
	if err := json.Unmarshal(b, &f); err != nil {
		t.Fatal(err)
	}
	op := f.Clusters[RoleOperator]
	if op.URL != "https://127.0.0.1:16442" || op.Tokens["admin"] != "adm-operator" || op.CAData != "UEVN" {
		t.Errorf("operator: %+v", op)
	}
}

func TestPortsStayInsideThePortBase(t *testing.T) {
	c := Config{PortBase: 30000}
	seen := map[int]string{}
	add := func(p int, what string) {
		if p < c.PortBase || p > c.PortBase+16 {
			t.Errorf("%s on %d is outside base..base+16", what, p)
		}
		if prev, ok := seen[p]; ok {
			t.Errorf("%s and %s share port %d", what, prev, p)
		}
		seen[p] = what
	}
	for _, r := range AllRoles {
		add(c.APIPort(r), string(r))
	}
	add(c.EtcdClientPort(), "etcd")
	add(c.EtcdPeerPort(), "etcd peer")
	add(c.Port(6), "chart repo")
	for off := 10; off <= 16; off++ {
		add(c.Port(off), "controller listener")
	}
}
