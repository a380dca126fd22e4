package harness

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// etcdProc and apiserverProc name the processes in .state/.
func etcdProc(l Layout) Proc              { return NewProc(l, "etcd") }
func apiserverProc(l Layout, r Role) Proc { return NewProc(l, "apiserver-"+string(r)) }

// EtcdArgs are the flags of the single etcd: client and peer URLs on loopback only.
func EtcdArgs(c Config) []string {
	client := c.EtcdURL()
	peer := "http://127.0.0.1:" + strconv.Itoa(c.EtcdPeerPort())
	return []string{
		"--name=pm-dev",
		"--data-dir=" + c.Layout.State("etcd-data"),
		"--listen-client-urls=" + client,
		"--advertise-client-urls=" + client,
		"--listen-peer-urls=" + peer,
		"--initial-advertise-peer-urls=" + peer,
		"--initial-cluster=pm-dev=" + peer,
		"--initial-cluster-state=new",
		"--unsafe-no-fsync", // throw-away dev data: trade durability for speed
		"--quota-backend-bytes=2147483648",
		"--auto-compaction-retention=10m",
		"--log-level=warn",
	}
}

// APIServerArgs are the flags of one role's kube-apiserver.
func APIServerArgs(c Config, r Role) []string {
	l := c.Layout
	return []string{
		"--etcd-servers=" + c.EtcdURL(),
		"--etcd-prefix=/" + string(r),
		"--bind-address=127.0.0.1",
		"--advertise-address=127.0.0.1",
		"--secure-port=" + strconv.Itoa(c.APIPort(r)),
		"--cert-dir=" + l.State("apiserver-"+string(r)+"-certs"),
		"--tls-cert-file=" + l.State(servingCertFile),
		"--tls-private-key-file=" + l.State(servingKeyFile),
		"--client-ca-file=" + l.State(caCertFile),
		"--token-auth-file=" + tokenFile(l, r),
		"--authorization-mode=RBAC",
		"--service-account-issuer=https://kubernetes.default.svc.cluster.local",
		"--service-account-key-file=" + l.State(saPubFile),
		"--service-account-signing-key-file=" + l.State(saKeyFile),
		"--service-cluster-ip-range=10.0.0.0/24",
		// No controller-manager or nodes: no endpoints to reconcile for the loopback address.
		"--endpoint-reconciler-type=none",
		"--allow-privileged=false",
		"--profiling=false",
		"--enable-priority-and-fairness=false",
		"--v=0",
	}
}

// etcdHealthy asks etcd's /health.
func etcdHealthy(ctx context.Context, c Config) bool {
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.EtcdURL()+"/health", nil)
	if err != nil {
		return false
	}
	client := &http.Client{Timeout: 3 * time.Second, Transport: &http.Transport{Proxy: nil}}
	resp, err := client.Do(req)
	if err != nil {
		return false
	}
	defer resp.Body.Close()
	buf := make([]byte, 256)
	n, _ := resp.Body.Read(buf)
	return resp.StatusCode == http.StatusOK && strings.Contains(string(buf[:n]), `"health":"true"`)
}

// waitFor polls ok until it returns true, the process dies, or the timeout passes.
func waitFor(p Proc, pid int, timeout time.Duration, ok func() bool) error {
	deadline := time.Now().Add(timeout)
	for {
		if ok() {
			return nil
		}
		if !alive(pid) {
			return fmt.Errorf("%s (pid %d) exited; last log lines from %s:\n%s", p.Name, pid, p.LogFile(), p.LogTail(25))
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("%s (pid %d) not ready after %s; last log lines from %s:\n%s", p.Name, pid, timeout, p.LogFile(), p.LogTail(25))
		}
		time.Sleep(250 * time.Millisecond)
	}
}
