package harness

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"
)

func TestExpand(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "inc.yaml"), []byte("server: ${RUNTIME_URL}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 1, 2, 12, 0, 0, 0, time.UTC)
	e := Expander{Vars: map[string]string{"RUNTIME_URL": "https://127.0.0.1:16443"}, Now: now, BaseDir: dir}
	in := map[string]any{
		"url":     "${RUNTIME_URL}/x",
		"times":   []any{"${NOW}", "${NOW-90s}", "${NOW-2d}"},
		"file":    "${file:inc.yaml}",
		"keep":    "https://{{ .baseDomainPort }}/realms/${org-name}",
		"number":  float64(3),
		"nothing": nil,
	}
	got, err := e.Expand(in)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"url":     "https://127.0.0.1:16443/x",
		"times":   []any{"2026-01-02T12:00:00Z", "2026-01-02T11:58:30Z", "2025-12-31T12:00:00Z"},
		"file":    "server: https://127.0.0.1:16443\n",
		"keep":    "https://{{ .baseDomainPort }}/realms/${org-name}",
		"number":  float64(3),
		"nothing": nil,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %#v\nwant %#v", got, want)
	}
}

func TestExpandGeneration(t *testing.T) {
	e := Expander{Now: time.Now(), Generation: 3}
	got, err := e.Expand(map[string]any{"a": "${GENERATION}", "b": "${GENERATION-1}", "c": "${GENERATION-5}", "d": "gen ${GENERATION}"})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"a": int64(3), "b": int64(2), "c": int64(1), "d": "gen 3"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %#v, want %#v", got, want)
	}
	if _, err := (Expander{}).Expand("${GENERATION}"); err == nil {
		t.Error("${GENERATION} outside status must fail")
	}
}

func TestExpandErrors(t *testing.T) {
	e := Expander{Now: time.Now(), BaseDir: t.TempDir()}
	for _, s := range []string{"${RUNTIME_UR}", "${NOW-5x}", "${file:../etc/passwd}", "${file:missing.yaml}"} {
		if _, err := e.Expand(s); err == nil {
			t.Errorf("%s: want an error", s)
		}
	}
}
