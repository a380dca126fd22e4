package harness

import (
	"os"
	"reflect"
	"strings"
	"testing"
)

func TestTokenFileRoundTrip(t *testing.T) {
	toks := Tokens{"admin": "a1", "reader": "r1", "applier": "p1", "backstage": "b1", "reconciler": "c1"}
	text := FormatTokenFile(toks)
	if !strings.Contains(text, `c1,backstage-reconciler,backstage-reconciler,"platform-mesh:reconcilers"`) {
		t.Errorf("reconciler line:\n%s", text)
	}
	if !strings.Contains(text, `b1,backstage,backstage,"platform-mesh:status-readers,platform-mesh:appliers"`) {
		t.Errorf("backstage must carry both groups:\n%s", text)
	}
	if !strings.Contains(text, `a1,pm-dev-admin,pm-dev-admin,"system:masters"`) {
		t.Errorf("admin line:\n%s", text)
	}
	back, err := ParseTokenFile(text)
	if err != nil || !reflect.DeepEqual(back, toks) {
		t.Errorf("round trip: %v %v", back, err)
	}
}

// A token file written before an identity was added keeps its tokens (the running API servers
// know them); only the new identity gets one.
func TestEnsureTokensKeepsExistingTokens(t *testing.T) {
	l := Layout{Root: t.TempDir()}
	if err := os.MkdirAll(l.StateDir(), 0o700); err != nil {
		t.Fatal(err)
	}
	old := "a1,pm-dev-admin,pm-dev-admin,\"system:masters\"\n" +
		"r1,backstage-reader,backstage-reader,\"platform-mesh:status-readers\"\n" +
		"p1,backstage-applier,backstage-applier,\"platform-mesh:appliers\"\n" +
		"b1,backstage,backstage,\"platform-mesh:status-readers,platform-mesh:appliers\"\n"
	if err := os.WriteFile(tokenFile(l, RoleRuntime), []byte(old), 0o600); err != nil {
		t.Fatal(err)
	}
	toks, err := EnsureTokens(l, RoleRuntime)
	if err != nil {
		t.Fatal(err)
	}
	for key, want := range map[string]string{"admin": "a1", "reader": "r1", "applier": "p1", "backstage": "b1"} {
		if toks[key] != want {
			t.Errorf("%s: token changed to %q", key, toks[key])
		}
	}
	if len(toks["reconciler"]) != 48 {
		t.Errorf("reconciler token: %q", toks["reconciler"])
	}
	again, err := EnsureTokens(l, RoleRuntime)
	if err != nil || !reflect.DeepEqual(again, toks) {
		t.Errorf("second call changed tokens: %v %v", again, err)
	}
}
