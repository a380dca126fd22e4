package harness

import (
	"context"
	"fmt"
	"net/url"
)

// partOfLabel marks every object of examples/rbac; the harness prunes labelled objects that
// left the manifests, so that a removed binding does not outlive its file.
const partOfLabel = "app.kubernetes.io/part-of=platform-mesh-backstage"

// prunableKinds are the kinds examples/rbac holds (or held), with their list path.
var prunableKinds = []struct{ APIVersion, Kind, Path string }{
	{"rbac.authorization.k8s.io/v1", "ClusterRole", "/apis/rbac.authorization.k8s.io/v1/clusterroles"},
	{"rbac.authorization.k8s.io/v1", "ClusterRoleBinding", "/apis/rbac.authorization.k8s.io/v1/clusterrolebindings"},
	{"rbac.authorization.k8s.io/v1", "Role", "/apis/rbac.authorization.k8s.io/v1/roles"},
	{"rbac.authorization.k8s.io/v1", "RoleBinding", "/apis/rbac.authorization.k8s.io/v1/rolebindings"},
	{"admissionregistration.k8s.io/v1", "ValidatingAdmissionPolicy", "/apis/admissionregistration.k8s.io/v1/validatingadmissionpolicies"},
	{"admissionregistration.k8s.io/v1", "ValidatingAdmissionPolicyBinding", "/apis/admissionregistration.k8s.io/v1/validatingadmissionpolicybindings"},
}

func pruneKey(kind, namespace, name string) string { return kind + "|" + namespace + "|" + name }

// StaleRBAC returns the listed objects (of one kind) that the manifests no longer hold.
func StaleRBAC(kind string, listed []Object, wanted []Object) []Object {
	keep := map[string]bool{}
	for _, o := range wanted {
		keep[pruneKey(o.Kind(), o.Namespace(), o.Name())] = true
	}
	var stale []Object
	for _, o := range listed {
		if !keep[pruneKey(kind, o.Namespace(), o.Name())] {
			stale = append(stale, o)
		}
	}
	return stale
}

// PruneRBAC deletes the objects labelled as part of examples/rbac that the manifests no longer
// hold (for example a binding that was removed). It returns what it deleted, as Kind ns/name.
func PruneRBAC(ctx context.Context, k *Kube, wanted []Object) ([]string, error) {
	var deleted []string
	for _, pk := range prunableKinds {
		var list struct {
			Items []Object `json:"items"`
		}
		if err := k.GetJSON(ctx, pk.Path+"?labelSelector="+url.QueryEscape(partOfLabel), &list); err != nil {
			return deleted, fmt.Errorf("list %s: %w", pk.Kind, err)
		}
		for _, o := range StaleRBAC(pk.Kind, list.Items, wanted) {
			if _, err := k.Delete(ctx, pk.APIVersion, pk.Kind, o.Namespace(), o.Name()); err != nil {
				return deleted, fmt.Errorf("delete %s %s: %w", pk.Kind, o.Name(), err)
			}
			deleted = append(deleted, fmt.Sprintf("%s %s", pk.Kind, o.Ref()))
		}
	}
	return deleted, nil
}
