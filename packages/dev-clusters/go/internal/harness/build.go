package harness

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// Binaries are the server executables of one pinned set.
type Binaries struct {
	KubeAPIServer     string
	KubernetesVersion string
	Etcd              string
	EtcdVersion       string
}

// ResolveBinaries returns the cache paths of the pinned binaries (they may not exist yet).
func ResolveBinaries(l Layout) (Binaries, error) {
	kv, err := ModuleVersion(l.GoDir(), KubernetesModule)
	if err != nil {
		return Binaries{}, err
	}
	ev, err := ModuleVersion(l.EtcdGoDir(), EtcdServerModule)
	if err != nil {
		return Binaries{}, err
	}
	return Binaries{
		KubeAPIServer:     filepath.Join(l.BinDir(), "kubernetes-"+kv, "kube-apiserver"),
		KubernetesVersion: kv,
		Etcd:              filepath.Join(l.BinDir(), "etcd-"+ev, "etcd"),
		EtcdVersion:       ev,
	}, nil
}

// EnsureBinaries builds kube-apiserver and etcd into the cache when they are missing.
// Go's build cache makes a rebuild after a fresh clone fast on the same machine.
func EnsureBinaries(l Layout, log func(string, ...any)) (Binaries, error) {
	b, err := ResolveBinaries(l)
	if err != nil {
		return b, err
	}
	if !exists(b.Etcd) {
		if err := goBuild(l.EtcdGoDir(), EtcdServerModule, b.Etcd, "", log); err != nil {
			return b, err
		}
	}
	if !exists(b.KubeAPIServer) {
		if err := goBuild(l.GoDir(), KubernetesModule+"/cmd/kube-apiserver", b.KubeAPIServer, kubeVersionLDFlags(b.KubernetesVersion), log); err != nil {
			return b, err
		}
	}
	return b, nil
}

// kubeVersionLDFlags stamps the version that /version reports (as the upstream build does).
func kubeVersionLDFlags(v string) string {
	parts := strings.SplitN(strings.TrimPrefix(v, "v"), ".", 3)
	pkg := "k8s.io/component-base/version"
	flags := []string{
		"-X " + pkg + ".gitVersion=" + v,
		"-X " + pkg + ".gitTreeState=clean",
	}
	if len(parts) >= 2 {
		flags = append(flags, "-X "+pkg+".gitMajor="+parts[0], "-X "+pkg+".gitMinor="+parts[1])
	}
	return strings.Join(flags, " ")
}

func goBuild(dir, pkg, out, ldflags string, log func(string, ...any)) error {
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return err
	}
	tmp := fmt.Sprintf("%s.tmp-%d", out, os.Getpid())
	args := []string{"build", "-buildvcs=false", "-o", tmp}
	if ldflags != "" {
		args = append(args, "-ldflags", ldflags)
	}
	args = append(args, pkg)
	log("building %s (first time only; a cold build of kube-apiserver takes several minutes on 2 cores)", pkg)
	start := time.Now()
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Stdout = os.Stderr
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		_ = os.Remove(tmp)
		return fmt.Errorf("go build %s: %w", pkg, err)
	}
	if err := os.Rename(tmp, out); err != nil {
		return err
	}
	log("built %s in %s", filepath.Base(out), time.Since(start).Round(time.Second))
	return nil
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
