package harness

import (
	"context"
	"encoding/base64"
	"fmt"
	"time"
)

// Field managers of the seed writes: the objects, and their status.
const fieldManagerSeedStatus = "pm-dev-clusters-seed-status"

// generationBumpKey is written into spec.values and removed again to raise
// metadata.generation (which only the server assigns) without changing the spec.
const generationBumpKey = "dev-clusters.platform-mesh.io/generation-bump"

// Seeder writes scenarios to the three clusters with the admin identity.
type Seeder struct {
	Config  Config
	Clients map[Role]*Kube
	Index   ScenarioIndex
	Log     Logger
	Now     time.Time
}

// NewSeeder connects to the running clusters with the admin tokens.
func NewSeeder(c Config, log Logger) (*Seeder, error) {
	idx, err := LoadScenarioIndex(c.Layout.ScenariosDir())
	if err != nil {
		return nil, err
	}
	caPEM, err := CAPEM(c.Layout)
	if err != nil {
		return nil, fmt.Errorf("no CA in %s: run `start` first", c.Layout.StateDir())
	}
	s := &Seeder{Config: c, Clients: map[Role]*Kube{}, Index: idx, Log: log, Now: time.Now()}
	for _, r := range Roles {
		toks, err := ReadTokens(c.Layout, r)
		if err != nil {
			return nil, fmt.Errorf("no tokens for %s: run `start` first", r)
		}
		if s.Clients[r], err = NewKube(c.URL(r), toks["admin"], caPEM); err != nil {
			return nil, err
		}
		if !s.Clients[r].Ready(context.Background()) {
			return nil, fmt.Errorf("the %s API server at %s is not ready: run `start` first", r, c.URL(r))
		}
	}
	return s, nil
}

// Vars are the URL placeholders of the scenario files.
func (s *Seeder) Vars() map[string]string {
	return map[string]string{
		"OPERATOR_URL": s.Config.URL(RoleOperator),
		"RUNTIME_URL":  s.Config.URL(RoleRuntime),
		"INFRA_URL":    s.Config.URL(RoleInfra),
	}
}

// Seed writes the baseline and each scenario, then removes the scenario's absent objects.
func (s *Seeder) Seed(ctx context.Context, names []string) error {
	scs, err := s.Index.Resolve(names)
	if err != nil {
		return err
	}
	for _, sc := range scs {
		counts := map[Role]int{}
		for _, folder := range []string{BaselineDir, sc.Name} {
			for _, r := range Roles {
				objs, err := LoadScenarioObjects(s.Config.Layout.ScenariosDir(), folder, r)
				if err != nil {
					return err
				}
				for _, o := range objs {
					if err := s.writeObject(ctx, s.Clients[r], o); err != nil {
						return fmt.Errorf("seed %s: %s cluster: %s: %w", sc.Name, r, o.Ref(), err)
					}
					counts[r]++
				}
			}
		}
		for _, a := range sc.Absent {
			if _, err := s.Clients[a.Cluster].Delete(ctx, a.APIVersion, a.Kind, a.Namespace, a.Name); err != nil {
				return fmt.Errorf("seed %s: remove %s %s/%s: %w", sc.Name, a.Kind, a.Namespace, a.Name, err)
			}
		}
		s.Log("seeded %-26s operator %2d, runtime %2d, infra %2d objects; target %s, namespace %s",
			sc.Name, counts[RoleOperator], counts[RoleRuntime], counts[RoleInfra], sc.Target, sc.Namespace)
	}
	return nil
}

// writeObject applies one object, raises its generation when asked, then writes its status.
func (s *Seeder) writeObject(ctx context.Context, k *Kube, raw Object) error {
	obj, status, wantGen := SplitStatus(raw)
	ex := Expander{Vars: s.Vars(), Now: s.Now, BaseDir: s.Config.Layout.ScenariosDir()}
	expanded, err := ex.Expand(obj)
	if err != nil {
		return err
	}
	obj = NormalizeSecret(expanded.(Object))
	if ns := obj.Namespace(); ns != "" {
		if err := k.EnsureNamespace(ctx, ns); err != nil {
			return err
		}
	}
	res, err := k.Apply(ctx, obj, fieldManagerSeed)
	if err != nil {
		return err
	}
	gen := toInt64(res.Meta()["generation"])
	for gen < wantGen {
		if gen, err = s.bumpGeneration(ctx, k, obj, gen); err != nil {
			return err
		}
	}
	if status == nil {
		return nil
	}
	ex.Generation = gen
	st, err := ex.Expand(status)
	if err != nil {
		return err
	}
	patch := Object{
		"apiVersion": obj.APIVersion(),
		"kind":       obj.Kind(),
		"metadata":   map[string]any{"name": obj.Name(), "namespace": obj.Namespace()},
		"status":     st,
	}
	if obj.Namespace() == "" {
		delete(patch["metadata"].(map[string]any), "namespace")
	}
	return k.ApplyStatus(ctx, patch, fieldManagerSeedStatus)
}

// bumpGeneration applies the object with a temporary key in spec.values and then
// without it: two spec changes, so generation rises by two and the spec is unchanged.
func (s *Seeder) bumpGeneration(ctx context.Context, k *Kube, obj Object, gen int64) (int64, error) {
	withKey := deepCopyObject(obj)
	spec, _ := withKey["spec"].(map[string]any)
	if spec == nil {
		return gen, fmt.Errorf("metadata.generation in a seed needs a spec")
	}
	values, _ := spec["values"].(map[string]any)
	if values == nil {
		values = map[string]any{}
	}
	values[generationBumpKey] = fmt.Sprint(gen)
	spec["values"] = values
	if _, err := k.Apply(ctx, withKey, fieldManagerSeed); err != nil {
		return gen, err
	}
	res, err := k.Apply(ctx, obj, fieldManagerSeed)
	if err != nil {
		return gen, err
	}
	next := toInt64(res.Meta()["generation"])
	if next <= gen {
		return gen, fmt.Errorf("generation did not rise (spec.values must preserve unknown fields)")
	}
	return next, nil
}

// NormalizeSecret turns a Secret's stringData into data (base64), so that server-side
// apply owns the data keys and removes a key a later seed leaves out.
func NormalizeSecret(o Object) Object {
	if o.Kind() != "Secret" || o.APIVersion() != "v1" {
		return o
	}
	sd, ok := o["stringData"].(map[string]any)
	if !ok {
		return o
	}
	data, _ := o["data"].(map[string]any)
	if data == nil {
		data = map[string]any{}
	}
	for k, v := range sd {
		data[k] = base64.StdEncoding.EncodeToString([]byte(fmt.Sprint(v)))
	}
	out := Object{}
	for k, v := range o {
		if k != "stringData" {
			out[k] = v
		}
	}
	out["data"] = data
	return out
}

func deepCopyObject(o Object) Object {
	var cp func(v any) any
	cp = func(v any) any {
		switch t := v.(type) {
		case map[string]any:
			m := make(map[string]any, len(t))
			for k, x := range t {
				m[k] = cp(x)
			}
			return m
		case Object:
			return Object(cp(map[string]any(t)).(map[string]any))
		case []any:
			s := make([]any, len(t))
			for i, x := range t {
				s[i] = cp(x)
			}
			return s
		}
		return v
	}
	return cp(o).(Object)
}

// Reset deletes every object any scenario (or the baseline) writes. Namespaces stay:
// without a controller-manager nothing would finalize their deletion.
func (s *Seeder) Reset(ctx context.Context) error {
	all, err := AllSeedObjects(s.Config.Layout.ScenariosDir(), s.Index)
	if err != nil {
		return err
	}
	return forEachRole(Roles, func(r Role) error {
		n := 0
		for _, o := range SortForDelete(all[r]) {
			deleted, err := s.Clients[r].Delete(ctx, o.APIVersion(), o.Kind(), o.Namespace(), o.Name())
			if err != nil {
				return fmt.Errorf("%s cluster: delete %s: %w", r, o.Ref(), err)
			}
			if deleted {
				n++
			}
		}
		s.Log("reset %s: deleted %d objects", r, n)
		return nil
	})
}
