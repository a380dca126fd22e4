package harness

import (
	"reflect"
	"testing"
)

func TestSplitStatus(t *testing.T) {
	in := Object{
		"apiVersion": "core.platform-mesh.io/v1alpha1",
		"kind":       "PlatformMesh",
		"metadata":   map[string]any{"name": "pm", "namespace": "ns", "generation": float64(2), "resourceVersion": "7", "labels": map[string]any{"a": "b"}},
		"spec":       map[string]any{"kcp": map[string]any{}},
		"status":     map[string]any{"conditions": []any{map[string]any{"type": "Ready"}}},
	}
	obj, status, gen := SplitStatus(in)
	if gen != 2 {
		t.Errorf("generation %d, want 2", gen)
	}
	if _, ok := obj["status"]; ok {
		t.Error("status must be split off")
	}
	wantMeta := map[string]any{"name": "pm", "namespace": "ns", "labels": map[string]any{"a": "b"}}
	if !reflect.DeepEqual(obj["metadata"], wantMeta) {
		t.Errorf("metadata %#v, want %#v", obj["metadata"], wantMeta)
	}
	if !reflect.DeepEqual(status, in["status"]) {
		t.Errorf("status %#v", status)
	}
	if _, ok := in["status"]; !ok {
		t.Error("the input must not change")
	}
	if _, ok := in["metadata"].(map[string]any)["generation"]; !ok {
		t.Error("the input metadata must not change")
	}
	_, status, gen = SplitStatus(Object{"apiVersion": "v1", "kind": "Secret", "metadata": map[string]any{"name": "s"}})
	if status != nil || gen != 0 {
		t.Errorf("no status: got %v, %d", status, gen)
	}
}

func TestNormalizeSecret(t *testing.T) {
	in := Object{"apiVersion": "v1", "kind": "Secret", "metadata": map[string]any{"name": "s"},
		"stringData": map[string]any{"kubeconfig": "abc"}, "data": map[string]any{"other": "eHk="}}
	out := NormalizeSecret(in)
	if _, ok := out["stringData"]; ok {
		t.Error("stringData must go")
	}
	want := map[string]any{"kubeconfig": "YWJj", "other": "eHk="}
	if !reflect.DeepEqual(out["data"], want) {
		t.Errorf("data %#v, want %#v", out["data"], want)
	}
	cm := Object{"apiVersion": "v1", "kind": "ConfigMap", "stringData": map[string]any{"x": "y"}}
	if !reflect.DeepEqual(NormalizeSecret(cm), cm) {
		t.Error("only Secrets change")
	}
}
