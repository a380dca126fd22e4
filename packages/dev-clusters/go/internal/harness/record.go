package harness

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// RecordedFixturesDir is where `record` writes: the -common health fixtures recorded from the
// real controllers.
func (l Layout) RecordedFixturesDir() string {
	return filepath.Join(l.Root, "..", "..", "plugins", "platform-mesh-common", "src", "health", "__fixtures__", "recorded")
}

var recordKinds = map[string]struct {
	role             Role
	apiVersion, kind string
}{
	"platformmesh":   {RoleLiveRuntime, "core.platform-mesh.io/v1alpha1", "PlatformMesh"},
	"helmrelease":    {RoleLiveInfra, "helm.toolkit.fluxcd.io/v2", "HelmRelease"},
	"helmrepository": {RoleLiveInfra, "source.toolkit.fluxcd.io/v1", "HelmRepository"},
}

// Record writes one object the real controllers wrote on the live clusters as a JSON fixture:
// `record <platformmesh|helmrelease|helmrepository> <namespace>/<name> <fixture-name>`.
// managedFields are dropped; everything else is kept as the API server returned it.
func Record(ctx context.Context, c Config, args []string, log Logger) error {
	if len(args) != 3 {
		return fmt.Errorf("usage: record <platformmesh|helmrelease|helmrepository> <namespace>/<name> <fixture-name>")
	}
	kind, ok := recordKinds[args[0]]
	if !ok {
		return fmt.Errorf("record: unknown kind %q", args[0])
	}
	var ns, name string
	for i := range args[1] {
		if args[1][i] == '/' {
			ns, name = args[1][:i], args[1][i+1:]
		}
	}
	if name == "" {
		return fmt.Errorf("record: want <namespace>/<name>, got %q", args[1])
	}
	k, err := liveClient(c, kind.role)
	if err != nil {
		return err
	}
	o, err := k.Get(ctx, kind.apiVersion, kind.kind, ns, name)
	if err != nil {
		return fmt.Errorf("record %s %s on %s: %w", kind.kind, args[1], kind.role, err)
	}
	delete(o.Meta(), "managedFields")
	b, err := json.MarshalIndent(o, "", "  ")
	if err != nil {
		return err
	}
	dir := c.Layout.RecordedFixturesDir()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	path := filepath.Join(dir, args[2]+".json")
	if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
		return err
	}
	log("recorded %s %s from the %s cluster into %s", kind.kind, args[1], kind.role, path)
	return nil
}
