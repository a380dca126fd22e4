package harness

import (
	"context"
	"fmt"
	"net/url"
	"strings"
)

type apiResource struct {
	Name       string `json:"name"`
	Kind       string `json:"kind"`
	Namespaced bool   `json:"namespaced"`
	HasStatus  bool   `json:"-"` // a <name>/status subresource is served
}

// GroupVersionPath is the URL prefix of an apiVersion: /api/v1 or /apis/<group>/<version>.
func GroupVersionPath(apiVersion string) string {
	if !strings.Contains(apiVersion, "/") {
		return "/api/" + apiVersion
	}
	return "/apis/" + apiVersion
}

// ObjectPath builds the REST path of an object (name may be empty for the collection).
func ObjectPath(apiVersion, plural string, namespaced bool, namespace, name string) string {
	p := GroupVersionPath(apiVersion)
	if namespaced && namespace != "" {
		p += "/namespaces/" + url.PathEscape(namespace)
	}
	p += "/" + plural
	if name != "" {
		p += "/" + url.PathEscape(name)
	}
	return p
}

// resource finds the plural and scope of a kind through discovery (cached per client).
func (k *Kube) resource(ctx context.Context, apiVersion, kind string) (apiResource, error) {
	key := apiVersion + "/" + kind
	k.mu.Lock()
	if r, ok := k.resources[key]; ok {
		k.mu.Unlock()
		return r, nil
	}
	k.mu.Unlock()
	var list struct {
		Resources []apiResource `json:"resources"`
	}
	if err := k.GetJSON(ctx, GroupVersionPath(apiVersion), &list); err != nil {
		return apiResource{}, fmt.Errorf("discover %s: %w", apiVersion, err)
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.resources == nil {
		k.resources = map[string]apiResource{}
	}
	status := map[string]bool{}
	for _, r := range list.Resources {
		if base, ok := strings.CutSuffix(r.Name, "/status"); ok {
			status[base] = true
		}
	}
	var found *apiResource
	for _, r := range list.Resources {
		if strings.Contains(r.Name, "/") {
			continue
		}
		r.HasStatus = status[r.Name]
		k.resources[apiVersion+"/"+r.Kind] = r
		if r.Kind == kind {
			found = &r
		}
	}
	if found == nil {
		return apiResource{}, fmt.Errorf("kind %s is not served by %s (is its CRD installed?)", kind, apiVersion)
	}
	return *found, nil
}

// PathFor resolves the REST path of an object through discovery.
func (k *Kube) PathFor(ctx context.Context, apiVersion, kind, namespace, name string) (string, error) {
	r, err := k.resource(ctx, apiVersion, kind)
	if err != nil {
		return "", err
	}
	if r.Namespaced && namespace == "" {
		return "", fmt.Errorf("%s %s needs a namespace", kind, name)
	}
	return ObjectPath(apiVersion, r.Name, r.Namespaced, namespace, name), nil
}

// HasStatusSubresource reports whether the kind serves a status subresource.
func (k *Kube) HasStatusSubresource(ctx context.Context, apiVersion, kind string) (bool, error) {
	r, err := k.resource(ctx, apiVersion, kind)
	return r.HasStatus, err
}

// ForgetDiscovery drops cached discovery (after CRDs were installed).
func (k *Kube) ForgetDiscovery() {
	k.mu.Lock()
	k.resources = nil
	k.mu.Unlock()
}
