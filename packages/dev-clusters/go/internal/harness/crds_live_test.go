package harness

import "testing"

// The pinned CRDs load: from the modules, or from the pinned upstream copies with their sha256.
func TestLoadCRDsIncludesWhatTheRealControllersNeed(t *testing.T) {
	l, err := FindLayout()
	if err != nil {
		t.Fatal(err)
	}
	crds, _, err := LoadCRDs(l)
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, c := range crds {
		have[c.Name()] = true
	}
	for _, want := range []string{
		"helmcharts.source.toolkit.fluxcd.io", "buckets.source.toolkit.fluxcd.io", "externalartifacts.source.toolkit.fluxcd.io",
		"managedproviders.providers.platform-mesh.io", "resources.delivery.ocm.software", "rootshards.operator.kcp.io",
		"frontproxies.operator.kcp.io", "issuers.cert-manager.io", "certificates.cert-manager.io",
	} {
		if !have[want] {
			t.Errorf("no CRD %s", want)
		}
	}
}
