package harness

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// ChartsDir holds the small stand-in charts the loopback Helm repository serves (live/charts).
func (l Layout) ChartsDir() string { return filepath.Join(l.Root, "live", "charts") }

// RepoChart is one packaged chart of the loopback repository.
type RepoChart struct {
	Name, Version, AppVersion, Description string
	File                                   string // <name>-<version>.tgz
	Archive                                []byte
	Digest                                 string
}

// PackageCharts packages every chart folder under dir (like `helm package`: a gzip'd tar with
// the chart folder at its root).
func PackageCharts(dir string) ([]RepoChart, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []RepoChart
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		c, err := packageChart(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

func packageChart(dir string) (RepoChart, error) {
	var meta struct {
		Name        string `json:"name"`
		Version     string `json:"version"`
		AppVersion  string `json:"appVersion"`
		Description string `json:"description"`
	}
	b, err := os.ReadFile(filepath.Join(dir, "Chart.yaml"))
	if err != nil {
		return RepoChart{}, err
	}
	if err := DecodeYAML(dir+"/Chart.yaml", b, &meta); err != nil {
		return RepoChart{}, err
	}
	if meta.Name != filepath.Base(dir) || meta.Version == "" {
		return RepoChart{}, fmt.Errorf("%s: Chart.yaml needs name %q and a version", dir, filepath.Base(dir))
	}
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	tw := tar.NewWriter(gz)
	var files []string
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		return RepoChart{}, err
	}
	sort.Strings(files)
	epoch := time.Unix(0, 0)
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			return RepoChart{}, err
		}
		rel, _ := filepath.Rel(filepath.Dir(dir), p)
		h := &tar.Header{Name: filepath.ToSlash(rel), Mode: 0o644, Size: int64(len(data)), ModTime: epoch, Typeflag: tar.TypeReg}
		if err := tw.WriteHeader(h); err != nil {
			return RepoChart{}, err
		}
		if _, err := tw.Write(data); err != nil {
			return RepoChart{}, err
		}
	}
	if err := tw.Close(); err != nil {
		return RepoChart{}, err
	}
	if err := gz.Close(); err != nil {
		return RepoChart{}, err
	}
	sum := sha256.Sum256(buf.Bytes())
	return RepoChart{
		Name: meta.Name, Version: meta.Version, AppVersion: meta.AppVersion, Description: meta.Description,
		File:    fmt.Sprintf("%s-%s.tgz", meta.Name, meta.Version),
		Archive: buf.Bytes(), Digest: hex.EncodeToString(sum[:]),
	}, nil
}

// RepoIndex renders the repository's index.yaml.
func RepoIndex(charts []RepoChart, baseURL string) []byte {
	var b strings.Builder
	b.WriteString("apiVersion: v1\nentries:\n")
	for _, c := range charts {
		fmt.Fprintf(&b, "  %s:\n  - apiVersion: v2\n    name: %s\n    version: %s\n    appVersion: %q\n    description: %q\n    digest: %s\n    created: \"1970-01-01T00:00:00Z\"\n    urls:\n    - %s/%s\n",
			c.Name, c.Name, c.Version, c.AppVersion, c.Description, c.Digest, strings.TrimRight(baseURL, "/"), c.File)
	}
	b.WriteString("generated: \"1970-01-01T00:00:00Z\"\n")
	return []byte(b.String())
}

// ChartRepoURL is the loopback Helm repository's URL (PortBase+6).
func (c Config) ChartRepoURL() string { return fmt.Sprintf("http://127.0.0.1:%d/", c.Port(6)) }

// ServeChartRepo packages the stand-in charts and serves them as a Helm repository on loopback
// until the process ends (`devclusters chart-repo`, run detached by `start`).
func ServeChartRepo(ctx context.Context, c Config) error {
	charts, err := PackageCharts(c.Layout.ChartsDir())
	if err != nil {
		return err
	}
	index := RepoIndex(charts, strings.TrimRight(c.ChartRepoURL(), "/"))
	mux := http.NewServeMux()
	mux.HandleFunc("/index.yaml", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/x-yaml")
		_, _ = w.Write(index)
	})
	for _, ch := range charts {
		mux.HandleFunc("/"+ch.File, func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "application/gzip")
			_, _ = w.Write(ch.Archive)
		})
	}
	ln, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", c.Port(6)))
	if err != nil {
		return err
	}
	fmt.Printf("serving %d charts on %s\n", len(charts), c.ChartRepoURL())
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done() // SIGTERM from `stop`
		_ = srv.Close()
	}()
	if err := srv.Serve(ln); err != http.ErrServerClosed {
		return err
	}
	return nil
}
