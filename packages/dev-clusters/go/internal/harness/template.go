package harness

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Placeholders in scenario files (expanded in string values after YAML parsing):
//
//	${OPERATOR_URL} ${RUNTIME_URL} ${INFRA_URL}   API server URLs (as every cluster sees them)
//	${NOW} ${NOW-90s} ${NOW-3h} ${NOW-2d}          timestamps (RFC 3339, UTC)
//	${GENERATION} ${GENERATION-1}                  the object's metadata.generation (a number;
//	                                               only in status, which is written after the object)
//	${file:_shared/profile.yaml}                   the whole value is the (expanded) file content
//
// Other ${...} text (such as ${org-name} in a profile) is left as it is.
var placeholder = regexp.MustCompile(`\$\{(file:[^}]+|[A-Z][A-Z_]*(?:-[0-9]+[a-z]*)?)\}`)

// Expander expands placeholders in scenario objects.
type Expander struct {
	Vars       map[string]string
	Now        time.Time
	BaseDir    string // folder that ${file:...} paths are relative to
	Generation int64  // 0: ${GENERATION} is not available
}

// Expand returns a deep copy of v with the placeholders of its string values expanded.
func (e Expander) Expand(v any) (any, error) {
	switch t := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(t))
		for k, x := range t {
			y, err := e.Expand(x)
			if err != nil {
				return nil, err
			}
			out[k] = y
		}
		return out, nil
	case Object:
		m, err := e.Expand(map[string]any(t))
		if err != nil {
			return nil, err
		}
		return Object(m.(map[string]any)), nil
	case []any:
		out := make([]any, len(t))
		for i, x := range t {
			y, err := e.Expand(x)
			if err != nil {
				return nil, err
			}
			out[i] = y
		}
		return out, nil
	case string:
		return e.expandString(t)
	default:
		return v, nil
	}
}

func (e Expander) expandString(s string) (any, error) {
	whole := placeholder.FindStringSubmatch(s)
	if whole != nil && whole[0] == s {
		name := whole[1]
		if strings.HasPrefix(name, "file:") {
			return e.includeFile(strings.TrimPrefix(name, "file:"))
		}
		if strings.HasPrefix(name, "GENERATION") {
			return e.generation(name)
		}
	}
	var firstErr error
	out := placeholder.ReplaceAllStringFunc(s, func(m string) string {
		name := m[2 : len(m)-1]
		val, err := e.scalar(name)
		if err != nil && firstErr == nil {
			firstErr = err
		}
		return val
	})
	return out, firstErr
}

func (e Expander) scalar(name string) (string, error) {
	if v, ok := e.Vars[name]; ok {
		return v, nil
	}
	if name == "NOW" || strings.HasPrefix(name, "NOW-") {
		d := time.Duration(0)
		if name != "NOW" {
			var err error
			if d, err = parseAge(strings.TrimPrefix(name, "NOW-")); err != nil {
				return "", fmt.Errorf("${%s}: %w", name, err)
			}
		}
		return e.Now.Add(-d).UTC().Format(time.RFC3339), nil
	}
	if strings.HasPrefix(name, "GENERATION") {
		n, err := e.generation(name)
		return fmt.Sprint(n), err
	}
	return "", fmt.Errorf("unknown placeholder ${%s}", name)
}

func (e Expander) generation(name string) (int64, error) {
	if e.Generation == 0 {
		return 0, fmt.Errorf("${%s} is only available in status", name)
	}
	if name == "GENERATION" {
		return e.Generation, nil
	}
	n, err := strconv.ParseInt(strings.TrimPrefix(name, "GENERATION-"), 10, 64)
	if err != nil || !strings.HasPrefix(name, "GENERATION-") {
		return 0, fmt.Errorf("bad placeholder ${%s}", name)
	}
	if e.Generation-n < 1 {
		return 1, nil
	}
	return e.Generation - n, nil
}

func (e Expander) includeFile(rel string) (any, error) {
	if filepath.IsAbs(rel) || strings.Contains(rel, "..") {
		return nil, fmt.Errorf("${file:%s}: want a path inside the scenarios folder", rel)
	}
	b, err := os.ReadFile(filepath.Join(e.BaseDir, filepath.FromSlash(rel)))
	if err != nil {
		return nil, err
	}
	return e.expandString(string(b))
}

// parseAge accepts Go durations plus a day suffix ("2d").
func parseAge(s string) (time.Duration, error) {
	if strings.HasSuffix(s, "d") {
		n, err := strconv.Atoi(strings.TrimSuffix(s, "d"))
		if err != nil {
			return 0, err
		}
		return time.Duration(n) * 24 * time.Hour, nil
	}
	return time.ParseDuration(s)
}
