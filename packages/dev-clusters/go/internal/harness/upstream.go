package harness

import (
	"archive/tar"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// UpstreamDir is the folder of pinned upstream archives used when the Go module proxy refuses a
// module: PM_DEV_UPSTREAM_DIR, else ../shared/upstream from the repository root.
func (l Layout) UpstreamDir() string {
	if v := os.Getenv("PM_DEV_UPSTREAM_DIR"); v != "" {
		return v
	}
	return filepath.Join(l.Root, "..", "..", "..", "shared", "upstream")
}

// UpstreamRef is a pinned file in the upstream folder.
type UpstreamRef struct {
	Archive string `json:"archive"` // file name in the upstream folder
	SHA256  string `json:"sha256"`
}

// verifiedUpstream returns the path of the upstream file after checking its sha256.
func verifiedUpstream(l Layout, ref UpstreamRef) (string, error) {
	path := filepath.Join(l.UpstreamDir(), filepath.FromSlash(ref.Archive))
	b, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("upstream copy %s: %w (set PM_DEV_UPSTREAM_DIR)", ref.Archive, err)
	}
	sum := sha256.Sum256(b)
	if got := hex.EncodeToString(sum[:]); got != ref.SHA256 {
		return "", fmt.Errorf("upstream copy %s: sha256 %s does not match the pinned %s", path, got, ref.SHA256)
	}
	return path, nil
}

// unpackUpstream unpacks a verified .tar.gz into dest (once: an existing dest is reused) and
// returns dest. The archive holds one top folder, which becomes dest.
func unpackUpstream(l Layout, ref UpstreamRef, dest string) (string, error) {
	if exists(filepath.Join(dest, ".unpacked")) {
		return dest, nil
	}
	path, err := verifiedUpstream(l, ref)
	if err != nil {
		return "", err
	}
	_ = os.RemoveAll(dest)
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return "", err
	}
	tr := tar.NewReader(gz)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", fmt.Errorf("%s: %w", ref.Archive, err)
		}
		name := filepath.ToSlash(filepath.Clean(h.Name))
		if i := strings.IndexByte(name, '/'); i >= 0 {
			name = name[i+1:]
		} else {
			continue // the top folder itself
		}
		if strings.HasPrefix(name, "../") || strings.Contains(name, "/../") {
			return "", fmt.Errorf("%s: unsafe path %q", ref.Archive, h.Name)
		}
		target := filepath.Join(dest, filepath.FromSlash(name))
		switch h.Typeflag {
		case tar.TypeDir:
			if err := os.MkdirAll(target, 0o755); err != nil {
				return "", err
			}
		case tar.TypeReg:
			if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
				return "", err
			}
			out, err := os.OpenFile(target, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644|os.FileMode(h.Mode)&0o111)
			if err != nil {
				return "", err
			}
			if _, err := io.Copy(out, tr); err != nil {
				out.Close()
				return "", err
			}
			out.Close()
		}
	}
	return dest, os.WriteFile(filepath.Join(dest, ".unpacked"), []byte(ref.SHA256+"\n"), 0o644)
}

// readFromUpstreamArchive reads one member (path below the archive's top folder) of a verified
// upstream .tar.gz.
func readFromUpstreamArchive(l Layout, ref UpstreamRef, member string) ([]byte, error) {
	path, err := verifiedUpstream(l, ref)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	tr := tar.NewReader(gz)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return nil, fmt.Errorf("%s has no %s", ref.Archive, member)
		}
		if err != nil {
			return nil, err
		}
		name := filepath.ToSlash(h.Name)
		if i := strings.IndexByte(name, '/'); i >= 0 && name[i+1:] == member {
			return io.ReadAll(tr)
		}
	}
}
