package harness

import (
	"reflect"
	"strings"
	"testing"
)

func TestTokenFileRoundTrip(t *testing.T) {
	toks := Tokens{"admin": "a1", "reader": "r1", "applier": "p1", "backstage": "b1"}
	text := FormatTokenFile(toks)
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
