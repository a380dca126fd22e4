package harness

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
)

// LoadRBAC reads the RBAC manifests users copy (examples/rbac/*.yaml).
func LoadRBAC(l Layout) ([]Object, error) {
	files, err := filepath.Glob(filepath.Join(l.RBACDir(), "*.yaml"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no RBAC manifests in %s", l.RBACDir())
	}
	sort.Strings(files)
	var objs []Object
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		docs, err := ParseObjects(filepath.Base(f), string(b))
		if err != nil {
			return nil, err
		}
		objs = append(objs, docs...)
	}
	return objs, nil
}

// ApplyRBAC applies the RBAC manifests (server-side apply) to one cluster.
func ApplyRBAC(ctx context.Context, k *Kube, objs []Object) error {
	for _, o := range objs {
		if ns := o.Namespace(); ns != "" {
			if err := k.EnsureNamespace(ctx, ns); err != nil {
				return err
			}
		}
		if _, err := k.Apply(ctx, o, fieldManagerHarness); err != nil {
			return fmt.Errorf("apply %s: %w", o.Ref(), err)
		}
	}
	return nil
}
