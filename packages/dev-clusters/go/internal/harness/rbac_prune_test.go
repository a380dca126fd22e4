package harness

import "testing"

func obj(kind, ns, name string) Object {
	meta := map[string]any{"name": name}
	if ns != "" {
		meta["namespace"] = ns
	}
	return Object{"apiVersion": "rbac.authorization.k8s.io/v1", "kind": kind, "metadata": meta}
}

func TestStaleRBACKeepsWhatTheManifestsHold(t *testing.T) {
	wanted := []Object{
		obj("ClusterRoleBinding", "", "platform-mesh-backstage-applier"),
		obj("ClusterRole", "", "platform-mesh-backstage-applier"),
	}
	// listed items carry no kind (a list response); the same name of another kind is not kept
	listed := []Object{
		{"metadata": map[string]any{"name": "platform-mesh-backstage-applier"}},
		{"metadata": map[string]any{"name": "platform-mesh-backstage-applier-escalate"}},
	}
	stale := StaleRBAC("ClusterRoleBinding", listed, wanted)
	if len(stale) != 1 || stale[0].Name() != "platform-mesh-backstage-applier-escalate" {
		t.Fatalf("stale = %v, want only the removed binding", stale)
	}
	if got := StaleRBAC("RoleBinding", listed, wanted); len(got) != 2 {
		t.Fatalf("a RoleBinding of the same name is not in the manifests: got %v", got)
	}
}

func TestStaleRBACComparesNamespaces(t *testing.T) {
	wanted := []Object{obj("RoleBinding", "platform-mesh-system", "applier")}
	listed := []Object{obj("RoleBinding", "other", "applier"), obj("RoleBinding", "platform-mesh-system", "applier")}
	stale := StaleRBAC("RoleBinding", listed, wanted)
	if len(stale) != 1 || stale[0].Namespace() != "other" {
		t.Fatalf("stale = %v", stale)
	}
}
