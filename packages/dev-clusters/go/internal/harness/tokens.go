package harness

import (
	"crypto/rand"
	"encoding/csv"
	"encoding/hex"
	"fmt"
	"os"
	"strings"
)

// Identity is a static-token user of the dev clusters. RBAC binds its groups.
type Identity struct {
	Key    string // key in clusters.json "tokens"
	User   string
	Groups []string
}

// Identities are the static-token users, the same on every cluster (tokens differ per cluster).
// `reconciler` is the write identity of the backend's Reconcile route (examples/rbac/reconciler.yaml
// binds its group); the status reader and `backstage` stay without it.
var Identities = []Identity{
	{Key: "admin", User: "pm-dev-admin", Groups: []string{"system:masters"}},
	{Key: "reader", User: "backstage-reader", Groups: []string{"platform-mesh:status-readers"}},
	{Key: "applier", User: "backstage-applier", Groups: []string{"platform-mesh:appliers"}},
	{Key: "backstage", User: "backstage", Groups: []string{"platform-mesh:status-readers", "platform-mesh:appliers"}},
	{Key: "reconciler", User: "backstage-reconciler", Groups: []string{"platform-mesh:reconcilers"}},
}

// Tokens maps an identity key to its bearer token on one cluster.
type Tokens map[string]string

func tokenFile(l Layout, r Role) string { return l.State("tokens-" + string(r) + ".csv") }

// EnsureTokens creates, once, random tokens per role and identity in a mode-0600
// --token-auth-file, and returns them. Existing tokens are kept: an identity added to
// Identities only gets a new token (which a running API server accepts after its next start, as
// it reads the file at start-up), so the servers in use are never invalidated.
func EnsureTokens(l Layout, r Role) (Tokens, error) {
	path := tokenFile(l, r)
	toks := Tokens{}
	if exists(path) {
		if existing, err := readTokens(path); err == nil {
			toks = existing
		}
	}
	added, err := AddMissingTokens(toks)
	if err != nil {
		return nil, err
	}
	if added == 0 && exists(path) {
		return toks, nil
	}
	if err := writeFileAtomic(path, []byte(FormatTokenFile(toks)), 0o600); err != nil {
		return nil, err
	}
	return toks, nil
}

// AddMissingTokens gives every identity without a token a random one, keeping the others, and
// returns how many it added.
func AddMissingTokens(toks Tokens) (int, error) {
	added := 0
	for _, id := range Identities {
		if toks[id.Key] != "" {
			continue
		}
		buf := make([]byte, 24)
		if _, err := rand.Read(buf); err != nil {
			return added, err
		}
		toks[id.Key] = hex.EncodeToString(buf)
		added++
	}
	return added, nil
}

// FormatTokenFile renders the kube-apiserver static token CSV: token,user,uid,"group1,group2".
func FormatTokenFile(toks Tokens) string {
	var b strings.Builder
	for _, id := range Identities {
		fmt.Fprintf(&b, "%s,%s,%s,\"%s\"\n", toks[id.Key], id.User, id.User, strings.Join(id.Groups, ","))
	}
	return b.String()
}

// ParseTokenFile reads back FormatTokenFile output.
func ParseTokenFile(data string) (Tokens, error) {
	recs, err := csv.NewReader(strings.NewReader(data)).ReadAll()
	if err != nil {
		return nil, err
	}
	byUser := map[string]string{}
	for _, rec := range recs {
		if len(rec) < 2 {
			return nil, fmt.Errorf("token file: short record")
		}
		byUser[rec[1]] = rec[0]
	}
	toks := Tokens{}
	for _, id := range Identities {
		if t, ok := byUser[id.User]; ok {
			toks[id.Key] = t
		}
	}
	return toks, nil
}

func readTokens(path string) (Tokens, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return ParseTokenFile(string(b))
}

// ReadTokens returns the existing tokens of a role (no creation).
func ReadTokens(l Layout, r Role) (Tokens, error) { return readTokens(tokenFile(l, r)) }
