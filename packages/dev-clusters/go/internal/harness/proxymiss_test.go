package harness

import (
	"errors"
	"strings"
	"testing"
)

func TestProxyMissIsOneCalmLineForARefusal(t *testing.T) {
	c := ControllerPin{Name: "platform-mesh-operator", Module: "github.com/platform-mesh/platform-mesh-operator", Version: "v0.81.14"}
	refused := errors.New("go mod download github.com/platform-mesh/platform-mesh-operator@v0.81.14: reading https://proxy.example/@v/v0.81.14.info: 403 Forbidden\n\tserver response: This module version is not available.")
	got := proxyMiss(c, refused)
	if strings.Contains(got, "403") || strings.Contains(got, "\n") {
		t.Fatalf("want one calm line, got %q", got)
	}
	if !strings.Contains(got, "github.com/platform-mesh/platform-mesh-operator@v0.81.14") {
		t.Fatalf("want the module named, got %q", got)
	}
}

func TestProxyMissKeepsAnUnexpectedErrorOnOneLine(t *testing.T) {
	c := ControllerPin{Module: "example.com/m", Version: "v1.0.0"}
	got := proxyMiss(c, errors.New("dial tcp: connection refused\nretry later"))
	if got != "dial tcp: connection refused retry later" {
		t.Fatalf("got %q", got)
	}
}
