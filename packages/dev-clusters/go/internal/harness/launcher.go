package harness

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// The launcher plays the kubelet's part for the one operator Deployment the chart rendered, and
// nothing more: it reads the Deployment's first container (args, env) and pod spec (Secret
// volumes, ServiceAccount), materialises the Secret volumes as files from the live operator
// cluster, mints the ServiceAccount token with the TokenRequest API, runs the operator binary
// with those args (mount paths and bind addresses mapped to local folders and loopback ports),
// restarts it with back-off when it exits, and reports what a kubelet would as a Pod's status on
// the operator cluster. It does not pull images, apply resource limits, run probes, or handle
// other volume types, init containers or more than one replica.

type podSpec struct {
	ServiceAccountName string `json:"serviceAccountName"`
	Containers         []struct {
		Name         string   `json:"name"`
		Args         []string `json:"args"`
		Env          []envVar `json:"env"`
		VolumeMounts []struct {
			Name      string `json:"name"`
			MountPath string `json:"mountPath"`
		} `json:"volumeMounts"`
	} `json:"containers"`
	Volumes []struct {
		Name   string `json:"name"`
		Secret *struct {
			SecretName string `json:"secretName"`
			Items      []struct {
				Key  string `json:"key"`
				Path string `json:"path"`
			} `json:"items"`
		} `json:"secret"`
	} `json:"volumes"`
}

type envVar struct {
	Name      string `json:"name"`
	Value     string `json:"value"`
	ValueFrom *struct {
		FieldRef *struct {
			FieldPath string `json:"fieldPath"`
		} `json:"fieldRef"`
	} `json:"valueFrom"`
}

type deployment struct {
	Metadata struct {
		Name string `json:"name"`
	} `json:"metadata"`
	Spec struct {
		Template struct {
			Metadata map[string]any  `json:"metadata"`
			Spec     json.RawMessage `json:"spec"`
		} `json:"template"`
	} `json:"spec"`
}

// podName is the name of the Pod object the launcher reports on.
func podName(deploy string) string { return deploy + "-dev-launcher" }

// RunLauncher runs the operator of namespace's chart Deployment until ctx ends.
func RunLauncher(ctx context.Context, c Config, namespace string, log Logger) error {
	k, err := liveClient(c, RoleLiveOperator)
	if err != nil {
		return err
	}
	pins, err := LoadControllerPins(c.Layout)
	if err != nil {
		return err
	}
	op, err := pins.Pin("platform-mesh-operator")
	if err != nil {
		return err
	}
	restarts := 0
	var lastExit map[string]any
	for ctx.Err() == nil {
		d, spec, err := readOperatorDeployment(ctx, k, namespace)
		if err != nil {
			log("launcher: %v", err)
			sleepCtx(ctx, 2*time.Second)
			continue
		}
		pod := podName(d.Metadata.Name)
		argv, env, waitReason, waitMsg := prepareOperator(ctx, k, c, namespace, d, spec, op)
		if waitReason != "" {
			log("launcher: %s: %s", waitReason, waitMsg)
			reportPod(ctx, k, namespace, pod, d, spec, "Pending", waiting(waitReason, waitMsg), lastExit, restarts)
			sleepCtx(ctx, 2*time.Second)
			continue
		}
		started := time.Now()
		log("launcher: starting the operator (restart %d)", restarts)
		reportPod(ctx, k, namespace, pod, d, spec, "Running", map[string]any{"running": map[string]any{"startedAt": started.UTC().Format(time.RFC3339)}}, lastExit, restarts)
		code, tail := runOperator(ctx, c, argv, env)
		if ctx.Err() != nil {
			break
		}
		restarts++
		log("launcher: the operator exited with code %d after %s; last lines:\n%s", code, time.Since(started).Round(time.Second), tail)
		lastExit = map[string]any{"terminated": map[string]any{
			"exitCode": code, "reason": "Error", "message": tail,
			"startedAt": started.UTC().Format(time.RFC3339), "finishedAt": time.Now().UTC().Format(time.RFC3339)}}
		backoff := time.Duration(1<<min(restarts, 4)) * time.Second // 2 s .. 16 s (a kubelet: 10 s .. 5 min)
		reportPod(ctx, k, namespace, pod, d, spec, "Running", waiting("CrashLoopBackOff",
			fmt.Sprintf("back-off %s restarting failed container=%s", backoff, spec.Containers[0].Name)), lastExit, restarts)
		sleepCtx(ctx, backoff)
	}
	return nil
}

func waiting(reason, msg string) map[string]any {
	return map[string]any{"waiting": map[string]any{"reason": reason, "message": msg}}
}

func sleepCtx(ctx context.Context, d time.Duration) {
	select {
	case <-ctx.Done():
	case <-time.After(d):
	}
}

func readOperatorDeployment(ctx context.Context, k *Kube, namespace string) (deployment, podSpec, error) {
	var d deployment
	var spec podSpec
	if err := k.GetJSON(ctx, "/apis/apps/v1/namespaces/"+namespace+"/deployments/"+OperatorRelease, &d); err != nil {
		return d, spec, fmt.Errorf("read Deployment %s/%s: %w", namespace, OperatorRelease, err)
	}
	if err := json.Unmarshal(d.Spec.Template.Spec, &spec); err != nil {
		return d, spec, err
	}
	if len(spec.Containers) == 0 {
		return d, spec, fmt.Errorf("Deployment %s/%s has no container", namespace, OperatorRelease)
	}
	return d, spec, nil
}

// prepareOperator materialises the Secret volumes and the ServiceAccount files and returns the
// command line, or a kubelet-style waiting reason when it cannot.
func prepareOperator(ctx context.Context, k *Kube, c Config, ns string, d deployment, spec podSpec, op ControllerPin) (argv, env []string, reason, msg string) {
	pod := c.Layout.State("operator-pod")
	_ = os.RemoveAll(pod)
	mounts := map[string]string{} // volume name -> local folder
	for _, v := range spec.Volumes {
		if v.Secret == nil {
			continue
		}
		dir := filepath.Join(pod, "volumes", v.Name)
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, nil, "ContainerCreating", err.Error()
		}
		var s struct {
			Data map[string]string `json:"data"`
		}
		err := k.GetJSON(ctx, "/api/v1/namespaces/"+ns+"/secrets/"+v.Secret.SecretName, &s)
		if IsStatus(err, 404) {
			return nil, nil, "ContainerCreating", fmt.Sprintf("MountVolume.SetUp failed for volume %q : secret %q not found", v.Name, v.Secret.SecretName)
		} else if err != nil {
			return nil, nil, "ContainerCreating", err.Error()
		}
		for _, it := range v.Secret.Items {
			val, ok := s.Data[it.Key]
			if !ok {
				return nil, nil, "CreateContainerConfigError", fmt.Sprintf("MountVolume.SetUp failed for volume %q : references non-existent secret key: %s", v.Name, it.Key)
			}
			b, err := base64.StdEncoding.DecodeString(val)
			if err != nil {
				return nil, nil, "ContainerCreating", err.Error()
			}
			if err := os.WriteFile(filepath.Join(dir, it.Path), b, 0o600); err != nil {
				return nil, nil, "ContainerCreating", err.Error()
			}
		}
		mounts[v.Name] = dir
	}
	sa := filepath.Join(pod, "serviceaccount")
	if err := writeServiceAccount(ctx, k, c, ns, spec.ServiceAccountName, sa); err != nil {
		return nil, nil, "ContainerCreating", err.Error()
	}
	ctr := spec.Containers[0]
	var args []string
	for _, a := range ctr.Args {
		for _, m := range ctr.VolumeMounts {
			if dir, ok := mounts[m.Name]; ok && strings.Contains(a, m.MountPath) {
				a = strings.Replace(a, strings.TrimRight(m.MountPath, "/"), dir, 1)
			}
		}
		if isBindFlag(a) {
			continue // the launcher sets loopback listeners below
		}
		args = append(args, a)
	}
	srcDir := c.Layout.SourceDir(op.Name, op.Version)
	args = append(args, "--workspace-dir="+srcDir+"/", // the image's /operator/ holds manifests/ and gotemplates/
		"--metrics-bind-address=127.0.0.1:"+strconv.Itoa(c.Port(15)),
		"--health-probe-bind-address=127.0.0.1:"+strconv.Itoa(c.Port(16)))
	env = []string{
		"KUBERNETES_SERVICE_HOST=127.0.0.1",
		"KUBERNETES_SERVICE_PORT=" + strconv.Itoa(c.APIPort(RoleLiveOperator)),
		"PM_DEV_STATE=" + c.Layout.StateDir(),
	}
	for _, e := range ctr.Env {
		val := e.Value
		if e.ValueFrom != nil && e.ValueFrom.FieldRef != nil {
			switch e.ValueFrom.FieldRef.FieldPath {
			case "metadata.namespace":
				val = ns
			case "metadata.name":
				val = podName(d.Metadata.Name)
			case "status.podIP", "status.hostIP":
				val = "127.0.0.1"
			case "spec.nodeName":
				val = launcherNode
			}
		}
		env = append(env, e.Name+"="+val)
	}
	return append([]string{c.Layout.ControllerBinary(op)}, args...), env, "", ""
}

// isBindFlag is true for the chart's own listener flags (":9090" on every interface).
func isBindFlag(a string) bool {
	return strings.HasPrefix(a, "--metrics-bind-address=") || strings.HasPrefix(a, "--health-probe-bind-address=")
}

const launcherNode = "dev-clusters-launcher"

func writeServiceAccount(ctx context.Context, k *Kube, c Config, ns, sa, dir string) error {
	if sa == "" {
		sa = "default"
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	body, _ := json.Marshal(map[string]any{"apiVersion": "authentication.k8s.io/v1", "kind": "TokenRequest",
		"spec": map[string]any{"expirationSeconds": 86400}})
	out, err := k.Do(ctx, http.MethodPost, "/api/v1/namespaces/"+ns+"/serviceaccounts/"+sa+"/token", "application/json", body)
	if err != nil {
		return fmt.Errorf("token for ServiceAccount %s/%s: %w", ns, sa, err)
	}
	var tr struct {
		Status struct {
			Token string `json:"token"`
		} `json:"status"`
	}
	if err := json.Unmarshal(out, &tr); err != nil {
		return err
	}
	ca, err := CAPEM(c.Layout)
	if err != nil {
		return err
	}
	for name, data := range map[string][]byte{"token": []byte(tr.Status.Token), "ca.crt": ca, "namespace": []byte(ns)} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o600); err != nil {
			return err
		}
	}
	return nil
}

// runOperator runs argv in a private mount namespace where the ServiceAccount files sit at the
// in-cluster path (rest.InClusterConfig reads only there; leader election uses it), without
// touching the host's /run. Returns the exit code and the last log lines.
func runOperator(ctx context.Context, c Config, argv, env []string) (int, string) {
	sa := c.Layout.State("operator-pod", "serviceaccount")
	script := `set -e; mount -t tmpfs -o size=1m,mode=755 tmpfs /run; d=/run/secrets/kubernetes.io/serviceaccount; mkdir -p $d; cp "$PM_SA"/token "$PM_SA"/ca.crt "$PM_SA"/namespace $d/; exec "$@"`
	bin, args := "unshare", append([]string{"-m", "--propagation", "private", "--", "/bin/sh", "-c", script, "operator"}, argv...)
	if !canUnshareMounts() {
		// no private mount namespace here (not root, or no unshare): the in-cluster files cannot
		// be placed, so the operator runs without leader election, and says why in the log
		bin, args = argv[0], append(append([]string{}, argv[1:]...), "--leader-elect=false")
	}
	logPath := c.Layout.State("operator.log")
	logf, err := os.OpenFile(logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return -1, err.Error()
	}
	defer logf.Close()
	var tail bytes.Buffer
	if bin != "unshare" {
		fmt.Fprintln(logf, "launcher: no private mount namespace (unshare -m failed): leader election is off")
	}
	cmd := exec.Command(bin, args...)
	cmd.Env = append(append(os.Environ(), env...), "PM_SA="+sa)
	cmd.Stdout = logf
	cmd.Stderr = &teeTail{w: logf, tail: &tail}
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGTERM}
	if err := cmd.Start(); err != nil {
		return -1, err.Error()
	}
	done := make(chan struct{})
	go func() {
		select {
		case <-ctx.Done():
			_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGTERM)
			select {
			case <-done:
			case <-time.After(15 * time.Second):
				_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
			}
		case <-done:
		}
	}()
	err = cmd.Wait()
	close(done)
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		code = -1
	}
	return code, lastLines(tail.String(), 5)
}

// teeTail writes through and keeps the last 16 KiB.
type teeTail struct {
	w    *os.File
	tail *bytes.Buffer
}

func (t *teeTail) Write(p []byte) (int, error) {
	t.tail.Write(p)
	if t.tail.Len() > 16<<10 {
		b := t.tail.Bytes()[t.tail.Len()-(16<<10):]
		nb := append([]byte{}, b...)
		t.tail.Reset()
		t.tail.Write(nb)
	}
	return t.w.Write(p)
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// reportPod writes the Pod a kubelet would report for the operator: created once from the
// Deployment's template, then its status through the status subresource.
func reportPod(ctx context.Context, k *Kube, ns, name string, d deployment, ps podSpec, phase string, state, lastState map[string]any, restarts int) {
	meta := map[string]any{"name": name, "namespace": ns, "labels": d.Spec.Template.Metadata["labels"],
		"annotations": map[string]any{"dev-clusters.platform-mesh.io/launcher": "the dev-clusters launcher runs this Pod's container as a local process"}}
	var spec map[string]any
	_ = json.Unmarshal(d.Spec.Template.Spec, &spec)
	spec["nodeName"] = launcherNode
	pod := Object{"apiVersion": "v1", "kind": "Pod", "metadata": meta, "spec": spec}
	if _, err := k.Get(ctx, "v1", "Pod", ns, name); IsStatus(err, 404) {
		if _, err := k.Apply(ctx, pod, fieldManagerStandin); err != nil {
			fmt.Fprintf(os.Stderr, "launcher: create Pod %s/%s: %v\n", ns, name, err)
			return
		}
	}
	ready := "False"
	if _, ok := state["running"]; ok {
		ready = "True"
	}
	cs := map[string]any{"name": ps.Containers[0].Name, "image": "platform-mesh-operator (local binary)", "imageID": "",
		"ready": ready == "True", "restartCount": restarts, "started": ready == "True", "state": state}
	if lastState != nil {
		cs["lastState"] = lastState
	}
	now := time.Now().UTC().Format(time.RFC3339)
	status := map[string]any{"phase": phase, "hostIP": "127.0.0.1", "podIP": "127.0.0.1",
		"conditions": []any{
			map[string]any{"type": "Ready", "status": ready, "lastTransitionTime": now},
			map[string]any{"type": "ContainersReady", "status": ready, "lastTransitionTime": now},
		},
		"containerStatuses": []any{cs}}
	if _, err := k.MergePatch(ctx, pod, "status", map[string]any{"status": status}, fieldManagerStandin); err != nil {
		fmt.Fprintf(os.Stderr, "launcher: Pod %s/%s status: %v\n", ns, name, err)
	}
}

// canUnshareMounts is true when this process may create a private mount namespace.
func canUnshareMounts() bool {
	return exec.Command("unshare", "-m", "--propagation", "private", "--", "true").Run() == nil
}
