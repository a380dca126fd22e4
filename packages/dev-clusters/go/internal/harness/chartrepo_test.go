package harness

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"io"
	"strings"
	"testing"
)

func TestStandInChartsPackageLikeHelm(t *testing.T) {
	l, err := FindLayout()
	if err != nil {
		t.Fatal(err)
	}
	charts, err := PackageCharts(l.ChartsDir())
	if err != nil {
		t.Fatal(err)
	}
	if len(charts) < 3 {
		t.Fatalf("want the three stand-in charts, got %d", len(charts))
	}
	again, _ := PackageCharts(l.ChartsDir())
	for i, c := range charts {
		if c.Digest != again[i].Digest {
			t.Errorf("%s: packaging is not reproducible", c.Name)
		}
		gz, err := gzip.NewReader(bytes.NewReader(c.Archive))
		if err != nil {
			t.Fatal(err)
		}
		tr := tar.NewReader(gz)
		var names []string
		for {
			h, err := tr.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			names = append(names, h.Name)
		}
		if !hasEntry(names, c.Name+"/Chart.yaml") || !hasEntry(names, c.Name+"/templates/configmap.yaml") {
			t.Errorf("%s: archive entries %v", c.Name, names)
		}
	}
	index := string(RepoIndex(charts, "http://127.0.0.1:1"))
	var parsed struct {
		Entries map[string][]struct {
			Version string   `json:"version"`
			URLs    []string `json:"urls"`
			Digest  string   `json:"digest"`
		} `json:"entries"`
	}
	if err := DecodeYAML("index.yaml", []byte(index), &parsed); err != nil {
		t.Fatal(err)
	}
	portal := parsed.Entries["portal"]
	if len(portal) != 1 || portal[0].Version != "0.1.0" || portal[0].URLs[0] != "http://127.0.0.1:1/portal-0.1.0.tgz" || portal[0].Digest == "" {
		t.Errorf("index entry for portal: %+v\n%s", portal, index)
	}
}

func hasEntry(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}
