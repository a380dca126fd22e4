package harness

import "fmt"

// Object is an unstructured Kubernetes object.
type Object map[string]any

// APIVersion returns .apiVersion.
func (o Object) APIVersion() string { s, _ := o["apiVersion"].(string); return s }

// Kind returns .kind.
func (o Object) Kind() string { s, _ := o["kind"].(string); return s }

// Meta returns .metadata (never nil).
func (o Object) Meta() map[string]any {
	m, ok := o["metadata"].(map[string]any)
	if !ok {
		m = map[string]any{}
		o["metadata"] = m
	}
	return m
}

// Name returns .metadata.name.
func (o Object) Name() string { s, _ := o.Meta()["name"].(string); return s }

// Namespace returns .metadata.namespace.
func (o Object) Namespace() string { s, _ := o.Meta()["namespace"].(string); return s }

// Ref is a short human reference: Kind ns/name.
func (o Object) Ref() string {
	if ns := o.Namespace(); ns != "" {
		return fmt.Sprintf("%s %s/%s", o.Kind(), ns, o.Name())
	}
	return fmt.Sprintf("%s %s", o.Kind(), o.Name())
}

// SplitStatus returns a copy of the object without .status (what a create or an
// apply may carry) and the status alone (nil when absent), for the /status subresource.
// It also removes server-owned metadata fields a seed file may show for readability
// (generation, resourceVersion, uid, creationTimestamp, managedFields) and returns the
// generation asked for (0 when none).
func SplitStatus(o Object) (spec Object, status map[string]any, generation int64) {
	spec = Object{}
	for k, v := range o {
		if k == "status" {
			status, _ = v.(map[string]any)
			continue
		}
		spec[k] = v
	}
	if m, ok := o["metadata"].(map[string]any); ok {
		meta := map[string]any{}
		for k, v := range m {
			switch k {
			case "generation":
				generation = toInt64(v)
			case "resourceVersion", "uid", "creationTimestamp", "managedFields", "deletionTimestamp":
			default:
				meta[k] = v
			}
		}
		spec["metadata"] = meta
	}
	return spec, status, generation
}

func toInt64(v any) int64 {
	switch n := v.(type) {
	case float64:
		return int64(n)
	case int64:
		return n
	case int:
		return int64(n)
	}
	return 0
}
