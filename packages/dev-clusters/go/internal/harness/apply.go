package harness

import (
	"context"
	"encoding/json"
	"net/http"
)

// Field managers of the harness's writes.
const (
	fieldManagerHarness = "pm-dev-clusters"
	fieldManagerSeed    = "pm-dev-clusters-seed"
)

// Content types of the PATCH flavours used here.
const (
	contentApply = "application/apply-patch+yaml"
	contentMerge = "application/merge-patch+json"
)

// Apply writes an object with server-side apply (force) as fieldManager.
func (k *Kube) Apply(ctx context.Context, o Object, fieldManager string) (Object, error) {
	path, err := k.PathFor(ctx, o.APIVersion(), o.Kind(), o.Namespace(), o.Name())
	if err != nil {
		return nil, err
	}
	body, err := json.Marshal(o)
	if err != nil {
		return nil, err
	}
	out, err := k.Do(ctx, http.MethodPatch, path+"?fieldManager="+fieldManager+"&force=true", contentApply, body)
	if err != nil {
		return nil, err
	}
	var res Object
	return res, json.Unmarshal(out, &res)
}

// MergePatch sends a JSON merge patch to an object (sub may be "" or "status").
func (k *Kube) MergePatch(ctx context.Context, o Object, sub string, patch any, fieldManager string) (Object, error) {
	path, err := k.PathFor(ctx, o.APIVersion(), o.Kind(), o.Namespace(), o.Name())
	if err != nil {
		return nil, err
	}
	if sub != "" {
		path += "/" + sub
	}
	body, err := json.Marshal(patch)
	if err != nil {
		return nil, err
	}
	out, err := k.Do(ctx, http.MethodPatch, path+"?fieldManager="+fieldManager, contentMerge, body)
	if err != nil {
		return nil, err
	}
	var res Object
	return res, json.Unmarshal(out, &res)
}

// Get reads an object; a missing one is a 404 StatusError.
func (k *Kube) Get(ctx context.Context, apiVersion, kind, namespace, name string) (Object, error) {
	path, err := k.PathFor(ctx, apiVersion, kind, namespace, name)
	if err != nil {
		return nil, err
	}
	var o Object
	return o, k.GetJSON(ctx, path, &o)
}

// Delete removes an object, first clearing finalizers (no controllers run here to
// honour them). A missing object is not an error; it returns whether one was deleted.
func (k *Kube) Delete(ctx context.Context, apiVersion, kind, namespace, name string) (bool, error) {
	cur, err := k.Get(ctx, apiVersion, kind, namespace, name)
	if IsStatus(err, http.StatusNotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if f, ok := cur.Meta()["finalizers"].([]any); ok && len(f) > 0 {
		patch := map[string]any{"metadata": map[string]any{"finalizers": nil}}
		if _, err := k.MergePatch(ctx, cur, "", patch, fieldManagerSeed); err != nil && !IsStatus(err, http.StatusNotFound) {
			return false, err
		}
	}
	path, err := k.PathFor(ctx, apiVersion, kind, namespace, name)
	if err != nil {
		return false, err
	}
	_, err = k.Do(ctx, http.MethodDelete, path, "", nil)
	if IsStatus(err, http.StatusNotFound) {
		return false, nil
	}
	return err == nil, err
}

// EnsureNamespace creates a namespace when it is missing.
func (k *Kube) EnsureNamespace(ctx context.Context, name string) error {
	_, err := k.Get(ctx, "v1", "Namespace", "", name)
	if err == nil {
		return nil
	}
	if !IsStatus(err, http.StatusNotFound) {
		return err
	}
	ns := Object{"apiVersion": "v1", "kind": "Namespace", "metadata": map[string]any{"name": name}}
	body, _ := json.Marshal(ns)
	_, err = k.Do(ctx, http.MethodPost, "/api/v1/namespaces", "application/json", body)
	if IsStatus(err, http.StatusConflict) {
		return nil
	}
	return err
}

// ApplyStatus writes .status with server-side apply: through the status subresource when
// the kind has one (such CRDs ignore status in a normal create or update), else through the
// object itself (Argo CD's Application CRD has no status subresource).
func (k *Kube) ApplyStatus(ctx context.Context, o Object, fieldManager string) error {
	path, err := k.PathFor(ctx, o.APIVersion(), o.Kind(), o.Namespace(), o.Name())
	if err != nil {
		return err
	}
	sub, err := k.HasStatusSubresource(ctx, o.APIVersion(), o.Kind())
	if err != nil {
		return err
	}
	if !sub {
		body, err := json.Marshal(o)
		if err != nil {
			return err
		}
		_, err = k.Do(ctx, http.MethodPatch, path+"?fieldManager="+fieldManager+"&force=true", contentApply, body)
		return err
	}
	body, err := json.Marshal(o)
	if err != nil {
		return err
	}
	_, err = k.Do(ctx, http.MethodPatch, path+"/status?fieldManager="+fieldManager+"&force=true", contentApply, body)
	return err
}
