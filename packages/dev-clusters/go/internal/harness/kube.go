package harness

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"
)

// RequestTimeout bounds every single HTTP call to an API server or etcd.
const RequestTimeout = 30 * time.Second

// Kube is a minimal REST client for one API server, authenticated by a bearer token.
type Kube struct {
	BaseURL string
	Token   string
	HTTP    *http.Client

	mu        sync.Mutex
	resources map[string]apiResource // "group/version/Kind" -> resource
}

// NewKube builds a client that trusts only the harness CA.
func NewKube(baseURL, token string, caPEM []byte) (*Kube, error) {
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(caPEM) {
		return nil, fmt.Errorf("invalid CA PEM")
	}
	tr := &http.Transport{
		TLSClientConfig:     &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12},
		TLSHandshakeTimeout: 10 * time.Second,
		MaxIdleConnsPerHost: 8,
		Proxy:               nil, // loopback only: never through a proxy
	}
	return &Kube{BaseURL: baseURL, Token: token, HTTP: &http.Client{Transport: tr, Timeout: RequestTimeout}}, nil
}

// StatusError is a non-2xx answer from the API server.
type StatusError struct {
	Code int
	Body string
}

func (e *StatusError) Error() string {
	msg := e.Body
	var st struct {
		Message string `json:"message"`
	}
	if json.Unmarshal([]byte(e.Body), &st) == nil && st.Message != "" {
		msg = st.Message
	}
	return fmt.Sprintf("HTTP %d: %s", e.Code, msg)
}

// IsStatus reports whether err is a StatusError with the code.
func IsStatus(err error, code int) bool {
	se, ok := err.(*StatusError)
	return ok && se.Code == code
}

// Do sends one request with a timeout and returns the body of a 2xx answer.
func (k *Kube) Do(ctx context.Context, method, path, contentType string, body []byte) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, RequestTimeout)
	defer cancel()
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, k.BaseURL+path, rd)
	if err != nil {
		return nil, err
	}
	if k.Token != "" {
		req.Header.Set("Authorization", "Bearer "+k.Token)
	}
	req.Header.Set("Accept", "application/json")
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := k.HTTP.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	out, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		return nil, err
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return out, &StatusError{Code: resp.StatusCode, Body: strings.TrimSpace(string(out))}
	}
	return out, nil
}

// GetJSON GETs path and decodes the answer into v.
func (k *Kube) GetJSON(ctx context.Context, path string, v any) error {
	b, err := k.Do(ctx, http.MethodGet, path, "", nil)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, v)
}

// Ready reports whether /readyz answers ok.
func (k *Kube) Ready(ctx context.Context) bool {
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	b, err := k.Do(ctx, http.MethodGet, "/readyz", "", nil)
	return err == nil && strings.TrimSpace(string(b)) == "ok"
}
