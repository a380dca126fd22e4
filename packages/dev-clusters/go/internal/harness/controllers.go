package harness

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// ControllerPins is controller-pins.yaml.
type ControllerPins struct {
	Controllers   []ControllerPin `json:"controllers"`
	OperatorChart struct {
		Version string `json:"version"`
		UpstreamRef
		Path string `json:"path"`
	} `json:"operatorChart"`
}

// ControllerPin is one program built from a pinned Go module.
type ControllerPin struct {
	Name        string       `json:"name"`
	Module      string       `json:"module"`
	Version     string       `json:"version"`
	Sum         string       `json:"sum"`
	Package     string       `json:"package"`
	DropReplace []string     `json:"dropReplace"`
	Fallback    *UpstreamRef `json:"fallback"`
	Requires    []struct {
		Module   string      `json:"module"`
		Version  string      `json:"version"`
		Fallback UpstreamRef `json:"fallback"`
	} `json:"requires"`
}

// LoadControllerPins reads controller-pins.yaml.
func LoadControllerPins(l Layout) (ControllerPins, error) {
	var p ControllerPins
	path := filepath.Join(l.Root, "controller-pins.yaml")
	b, err := os.ReadFile(path)
	if err != nil {
		return p, err
	}
	return p, DecodeYAML("controller-pins.yaml", b, &p)
}

// Pin returns the pin of a named controller.
func (p ControllerPins) Pin(name string) (ControllerPin, error) {
	for _, c := range p.Controllers {
		if c.Name == name {
			return c, nil
		}
	}
	return ControllerPin{}, fmt.Errorf("controller-pins.yaml has no %q", name)
}

// ControllerBinary is the cache path of a controller's binary.
func (l Layout) ControllerBinary(c ControllerPin) string {
	return filepath.Join(l.BinDir(), c.Name+"-"+c.Version, c.Name)
}

// SourceDir is where a controller's module source is copied (writable) for its build.
func (l Layout) SourceDir(name, version string) string {
	return filepath.Join(l.BinDir(), "src", name+"-"+version)
}

// EnsureControllers builds every pinned controller that is missing from the cache.
func EnsureControllers(l Layout, log Logger) (ControllerPins, error) {
	pins, err := LoadControllerPins(l)
	if err != nil {
		return pins, err
	}
	for _, c := range pins.Controllers {
		if exists(l.ControllerBinary(c)) {
			continue
		}
		if err := buildController(l, c, log); err != nil {
			return pins, fmt.Errorf("build %s %s: %w", c.Name, c.Version, err)
		}
	}
	return pins, nil
}

// controllerSource makes a writable copy of the module source: from the Go module proxy when it
// serves the module, else from the pinned upstream archive.
func controllerSource(l Layout, c ControllerPin, log Logger) (dir string, fromArchive bool, err error) {
	dest := l.SourceDir(c.Name, c.Version)
	modDir, dlErr := moduleDir(CRDSource{Module: c.Module, Version: c.Version, Sum: c.Sum})
	if dlErr != nil {
		if c.Fallback == nil {
			return "", false, dlErr
		}
		log("%s: building from the pinned upstream archive %s (sha256 checked)", proxyMiss(c, dlErr), c.Fallback.Archive)
		d, err := unpackUpstream(l, *c.Fallback, dest)
		return d, true, err
	}
	_ = os.RemoveAll(dest)
	if err := os.MkdirAll(filepath.Dir(dest), 0o755); err != nil {
		return "", false, err
	}
	if out, err := exec.Command("cp", "-r", modDir, dest).CombinedOutput(); err != nil {
		return "", false, fmt.Errorf("copy %s: %v: %s", modDir, err, out)
	}
	if out, err := exec.Command("chmod", "-R", "u+w", dest).CombinedOutput(); err != nil {
		return "", false, fmt.Errorf("chmod %s: %v: %s", dest, err, out)
	}
	return dest, false, nil
}

// proxyMiss says in one line why the module proxy did not give a module: the expected refusal
// (the proxy here answers 403/404 for github.com/platform-mesh/*) calmly, anything else in full.
func proxyMiss(c ControllerPin, err error) string {
	text := err.Error()
	if strings.Contains(text, "403 Forbidden") || strings.Contains(text, "404 Not Found") ||
		strings.Contains(text, "not available") {
		return fmt.Sprintf("the Go module proxy does not serve %s@%s (expected for this module)", c.Module, c.Version)
	}
	return strings.ReplaceAll(text, "\n", " ")
}

func buildController(l Layout, c ControllerPin, log Logger) error {
	dir, fromArchive, err := controllerSource(l, c, log)
	if err != nil {
		return err
	}
	edits := []string{"mod", "edit"}
	for _, m := range c.DropReplace {
		edits = append(edits, "-dropreplace", m)
	}
	if fromArchive {
		for _, r := range c.Requires {
			rdir, err := unpackUpstream(l, r.Fallback, l.SourceDir(filepath.Base(r.Module), r.Version))
			if err != nil {
				return err
			}
			edits = append(edits, "-replace", r.Module+"="+rdir)
		}
	}
	if len(edits) > 2 {
		if err := runGo(dir, log, edits...); err != nil {
			return err
		}
	}
	out := l.ControllerBinary(c)
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return err
	}
	tmp := fmt.Sprintf("%s.tmp-%d", out, os.Getpid())
	log("building %s %s (first time only; several CPU-minutes cold)", c.Name, c.Version)
	start := time.Now()
	if err := runGo(dir, log, "build", "-buildvcs=false", "-trimpath", "-o", tmp, c.Package); err != nil {
		_ = os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, out); err != nil {
		return err
	}
	log("built %s in %s", c.Name, time.Since(start).Round(time.Second))
	return nil
}

func runGo(dir string, log Logger, args ...string) error {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "CGO_ENABLED=0", "GOWORK=off")
	cmd.Stdout = os.Stderr
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("go %s (in %s): %w", strings.Join(args, " "), dir, err)
	}
	return nil
}

// OperatorChartDir unpacks the pinned operator chart and returns the chart's folder.
func OperatorChartDir(l Layout, pins ControllerPins) (string, error) {
	oc := pins.OperatorChart
	root, err := unpackUpstream(l, oc.UpstreamRef, l.SourceDir("platform-mesh-operator-chart", oc.Version))
	if err != nil {
		return "", err
	}
	return filepath.Join(root, filepath.FromSlash(oc.Path)), nil
}
