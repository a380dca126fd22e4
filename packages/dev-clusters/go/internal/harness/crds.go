package harness

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"time"
)

// CRDPins is crd-pins.yaml: the upstream modules (and files in them) the CRDs come from.
type CRDPins struct {
	Sources []CRDSource `json:"sources"`
}

// CRDSource is one pinned upstream Go module.
type CRDSource struct {
	Module  string    `json:"module"`
	Version string    `json:"version"`
	Sum     string    `json:"sum"` // go.sum h1: hash of the module zip
	Files   []CRDFile `json:"files"`
}

// CRDFile is one file in the module; sha256, overrideEnv and fallback are optional.
// Fallback is a copy of the same file in this package (relative to it), read only when the Go
// module proxy does not serve the module; a fallback requires sha256.
//
// Upstream and UpstreamArchive are fallbacks in the pinned upstream folder (UpstreamDir) for
// modules the proxy refuses: a file there (sha256 of the file required), or a member of a pinned
// archive (the archive's sha256 is checked).
type CRDFile struct {
	Path            string       `json:"path"`
	SHA256          string       `json:"sha256"`
	OverrideEnv     string       `json:"overrideEnv"`
	Fallback        string       `json:"fallback"`
	Upstream        string       `json:"upstream"`
	UpstreamArchive *UpstreamRef `json:"upstreamArchive"`
}

// LoadCRDPins reads the pins file.
func LoadCRDPins(l Layout) (CRDPins, error) {
	var p CRDPins
	b, err := os.ReadFile(l.CRDPinsFile())
	if err != nil {
		return p, err
	}
	return p, DecodeYAML(filepath.Base(l.CRDPinsFile()), b, &p)
}

type goModDownload struct {
	Dir   string
	Sum   string
	Error string
}

// moduleDir downloads (or finds in the module cache) module@version and returns its folder.
// It runs outside any module so that nothing is added to a go.mod or go.sum.
func moduleDir(src CRDSource) (string, error) {
	tmp, err := os.MkdirTemp("", "pm-dev-crds-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(tmp)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "go", "mod", "download", "-json", src.Module+"@"+src.Version)
	cmd.Dir = tmp
	cmd.Env = append(os.Environ(), "GO111MODULE=on", "GOFLAGS=-mod=mod")
	out, runErr := cmd.Output()
	var d goModDownload
	if err := json.Unmarshal(out, &d); err != nil {
		return "", fmt.Errorf("go mod download %s@%s: %v", src.Module, src.Version, runErr)
	}
	if d.Error != "" {
		return "", fmt.Errorf("go mod download %s@%s: %s", src.Module, src.Version, d.Error)
	}
	if src.Sum != "" && d.Sum != src.Sum {
		return "", fmt.Errorf("%s@%s: module sum %s does not match the pinned %s", src.Module, src.Version, d.Sum, src.Sum)
	}
	return d.Dir, nil
}

// LoadCRDs reads every pinned CRD document. A file whose overrideEnv names a local
// copy is read from there instead of the module (its sha256 must match the pin). Each module is
// asked for once; when the proxy refuses it, its files come from their pinned fallbacks.
func LoadCRDs(l Layout) ([]Object, []string, error) {
	pins, err := LoadCRDPins(l)
	if err != nil {
		return nil, nil, err
	}
	var objs []Object
	var origins []string
	for _, src := range pins.Sources {
		var (
			dir   string
			dlErr error
			asked bool
		)
		for _, f := range src.Files {
			if !asked && (f.OverrideEnv == "" || os.Getenv(f.OverrideEnv) == "") {
				dir, dlErr = moduleDir(src)
				asked = true
			}
			b, origin, err := crdFile(l, src, f, dir, dlErr)
			if err != nil {
				return nil, nil, err
			}
			docs, err := ParseObjects(f.Path, string(b))
			if err != nil {
				return nil, nil, err
			}
			for _, d := range docs {
				if d.Kind() != "CustomResourceDefinition" {
					continue
				}
				objs = append(objs, d)
				origins = append(origins, origin)
			}
		}
	}
	return objs, origins, nil
}

// crdFile reads one pinned file: from its override, the module folder, or (when the module could
// not be downloaded) its pinned copy in this package or in the upstream folder. A file sha256 in
// the pin is checked whatever the source.
func crdFile(l Layout, src CRDSource, f CRDFile, dir string, dlErr error) ([]byte, string, error) {
	origin := fmt.Sprintf("%s@%s %s", src.Module, src.Version, f.Path)
	var path string
	switch {
	case f.OverrideEnv != "" && os.Getenv(f.OverrideEnv) != "":
		path = os.Getenv(f.OverrideEnv)
		origin += " (copy from " + f.OverrideEnv + ", sha256 checked)"
	case dlErr == nil:
		path = filepath.Join(dir, filepath.FromSlash(f.Path))
	case f.Upstream != "" || f.UpstreamArchive != nil:
		b, err := readUpstreamCRD(l, f)
		if err != nil {
			return nil, "", fmt.Errorf("%v; and the upstream fallback: %w", dlErr, err)
		}
		return b, origin + " (pinned upstream copy, sha256 checked: the Go module proxy does not serve the module)", nil
	case f.Fallback != "" && f.SHA256 != "":
		// one calm line: the proxy refusing this module is expected (crd-pins.yaml says why); the
		// full download error only matters when the fallback cannot be read either
		fmt.Fprintf(os.Stderr, "dev-clusters: %s@%s is not served by the Go module proxy (expected); using the pinned copy %s (sha256 checked)\n", src.Module, src.Version, f.Fallback)
		path = filepath.Join(l.Root, filepath.FromSlash(f.Fallback))
		origin += " (pinned copy " + f.Fallback + ", sha256 checked: the Go module proxy does not serve the module)"
	default:
		if f.OverrideEnv != "" {
			return nil, "", fmt.Errorf("%w\n  (set %s to a copy of %s from %s@%s; it must have sha256 %s)", dlErr, f.OverrideEnv, f.Path, src.Module, src.Version, f.SHA256)
		}
		return nil, "", dlErr
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, "", err
	}
	if f.SHA256 != "" {
		sum := sha256.Sum256(b)
		if got := hex.EncodeToString(sum[:]); got != f.SHA256 {
			return nil, "", fmt.Errorf("%s: sha256 %s does not match the pinned %s (%s@%s %s)", path, got, f.SHA256, src.Module, src.Version, f.Path)
		}
	}
	return b, origin, nil
}

// InstallCRDs applies the CRDs with server-side apply and waits until each is Established.
func InstallCRDs(ctx context.Context, k *Kube, crds []Object) error {
	for _, c := range crds {
		if _, err := k.Apply(ctx, c, fieldManagerHarness); err != nil {
			return fmt.Errorf("apply CRD %s: %w", c.Name(), err)
		}
	}
	deadline := time.Now().Add(90 * time.Second)
	for _, c := range crds {
		for {
			established, err := crdEstablished(ctx, k, c.Name())
			if err != nil {
				return err
			}
			if established {
				break
			}
			if time.Now().After(deadline) {
				return fmt.Errorf("CRD %s is not Established after 90s", c.Name())
			}
			time.Sleep(200 * time.Millisecond)
		}
	}
	k.ForgetDiscovery()
	return nil
}

func crdEstablished(ctx context.Context, k *Kube, name string) (bool, error) {
	var crd struct {
		Status struct {
			Conditions []struct {
				Type   string `json:"type"`
				Status string `json:"status"`
			} `json:"conditions"`
		} `json:"status"`
	}
	if err := k.GetJSON(ctx, "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/"+name, &crd); err != nil {
		return false, err
	}
	for _, c := range crd.Status.Conditions {
		if c.Type == "Established" && c.Status == "True" {
			return true, nil
		}
	}
	return false, nil
}

// readUpstreamCRD reads a CRD file from the pinned upstream folder.
func readUpstreamCRD(l Layout, f CRDFile) ([]byte, error) {
	if f.UpstreamArchive != nil {
		return readFromUpstreamArchive(l, *f.UpstreamArchive, f.Path)
	}
	path, err := verifiedUpstream(l, UpstreamRef{Archive: f.Upstream, SHA256: f.SHA256})
	if err != nil {
		return nil, err
	}
	return os.ReadFile(path)
}
