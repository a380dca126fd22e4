package harness

import "testing"

func TestParseObjects(t *testing.T) {
	text := `# header comment
apiVersion: v1
kind: ConfigMap
metadata:
  name: a
data:
  k: "--- not a separator"
---
# only a comment
---   # separator with a comment
apiVersion: v1
kind: Secret
metadata:
  name: b
`
	objs, err := ParseObjects("t.yaml", text)
	if err != nil {
		t.Fatal(err)
	}
	if len(objs) != 2 || objs[0].Name() != "a" || objs[1].Kind() != "Secret" {
		t.Fatalf("got %v", objs)
	}
	if _, err := ParseObjects("bad.yaml", "kind: X\n"); err == nil {
		t.Error("an object without apiVersion and name must fail")
	}
}
