package harness

import (
	"context"
	"fmt"
	"os"
	"strings"
	"time"
)

// The stand-ins for what cannot run here (live/README.md lists them with the reasons). Each is
// done by this one loop on the live runtime cluster, and each object it writes carries the
// label below, so nothing it writes passes for the work of a real controller.
const (
	standinLabel = "dev-clusters.platform-mesh.io/stand-in"
	// On an OCM Resource, "false" makes the OCM stand-in leave it unresolved (and take back what
	// it wrote), as when the real OCM controller cannot resolve a component version.
	standinResolveAnnotation = "dev-clusters.platform-mesh.io/resolve"
	fieldManagerStandin      = "pm-dev-clusters-stand-in"
	kcpNamespace             = "platform-mesh-system" // the operator's --kcp-namespace default
)

func standinsProc(l Layout) Proc { return NewProc(l, "stand-ins") }

// RunStandins writes, every second until ctx ends:
//   - kcp: RootShard `root` and FrontProxy `frontproxy` with Available=True (kcp cannot run here:
//     the Go module proxy refuses it, and a kube-apiserver has no workspaces);
//   - the OCM controller: every OCM Resource whose chart the loopback repository serves gets
//     status.resource {version, access.helmRepository} (the OCM controller is refused too);
//   - cert-manager's output: the Secret rebac-authz-webhook-cert (tls.crt, tls.key, ca.crt, and
//     cert-manager's annotations) in each namespace that holds a PlatformMesh (cert-manager itself
//     is not run).
func RunStandins(ctx context.Context, c Config, log Logger) error {
	k, err := liveClient(c, RoleLiveRuntime)
	if err != nil {
		return err
	}
	charts, err := PackageCharts(c.Layout.ChartsDir())
	if err != nil {
		return err
	}
	versions := map[string]string{}
	for _, ch := range charts {
		versions[ch.Name] = ch.Version
	}
	log("stand-ins on %s: kcp RootShard/FrontProxy, OCM Resource statuses (%d charts on %s), cert-manager's webhook Secret", c.URL(RoleLiveRuntime), len(charts), c.ChartRepoURL())
	for {
		for _, step := range []func(context.Context, *Kube, Config, map[string]string) error{standinKcp, standinOCM, standinWebhookCert} {
			if err := step(ctx, k, c, versions); err != nil && ctx.Err() == nil {
				log("stand-ins: %v", err)
			}
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(time.Second):
		}
	}
}

func standinMeta(name, namespace string) map[string]any {
	return map[string]any{"name": name, "namespace": namespace, "labels": map[string]any{standinLabel: "true"}}
}

func available(reason string) map[string]any {
	return map[string]any{"conditions": []any{map[string]any{
		"type": "Available", "status": "True", "reason": reason,
		"message":            "stand-in: kcp does not run in dev-clusters",
		"lastTransitionTime": time.Now().UTC().Format(time.RFC3339),
	}}}
}

func standinKcp(ctx context.Context, k *Kube, _ Config, _ map[string]string) error {
	if err := k.EnsureNamespace(ctx, kcpNamespace); err != nil {
		return err
	}
	objs := []Object{
		{"apiVersion": "operator.kcp.io/v1alpha1", "kind": "RootShard", "metadata": standinMeta("root", kcpNamespace),
			"spec": map[string]any{"cache": map[string]any{}, "certificates": map[string]any{},
				"etcd":     map[string]any{"endpoints": []any{"http://127.0.0.1:1"}},
				"external": map[string]any{"hostname": "kcp.localhost", "port": 6443}}},
		{"apiVersion": "operator.kcp.io/v1alpha1", "kind": "FrontProxy", "metadata": standinMeta("frontproxy", kcpNamespace),
			"spec": map[string]any{"rootShard": map[string]any{"ref": map[string]any{"name": "root"}}}},
	}
	for _, o := range objs {
		cur, err := k.Get(ctx, o.APIVersion(), o.Kind(), o.Namespace(), o.Name())
		if IsStatus(err, 404) {
			if cur, err = k.Apply(ctx, o, fieldManagerStandin); err != nil {
				return fmt.Errorf("%s: %w", o.Ref(), err)
			}
		} else if err != nil {
			return err
		}
		if hasCondition(cur, "Available", "True") {
			continue
		}
		if _, err := k.MergePatch(ctx, o, "status", map[string]any{"status": available("StandIn")}, fieldManagerStandin); err != nil {
			return fmt.Errorf("%s status: %w", o.Ref(), err)
		}
	}
	return nil
}

func standinOCM(ctx context.Context, k *Kube, c Config, versions map[string]string) error {
	var list struct {
		Items []Object `json:"items"`
	}
	if err := k.GetJSON(ctx, "/apis/delivery.ocm.software/v1alpha1/resources", &list); err != nil {
		return err
	}
	for _, r := range list.Items {
		chart := strings.TrimSuffix(r.Name(), "-chart")
		version, ok := versions[chart]
		if !ok || chart == r.Name() {
			continue // not a chart resource we serve: left for a real OCM controller
		}
		status, _ := r["status"].(map[string]any)
		res, _ := status["resource"].(map[string]any)
		access, _ := res["access"].(map[string]any)
		if ann, _ := r.Meta()["annotations"].(map[string]any); ann[standinResolveAnnotation] == "false" {
			if res == nil {
				continue
			}
			patch := map[string]any{"status": map[string]any{"resource": nil, "conditions": []any{map[string]any{
				"type": "Ready", "status": "False", "reason": "StandInUnresolved",
				"message":            "stand-in: resolution switched off by the " + standinResolveAnnotation + " annotation",
				"lastTransitionTime": time.Now().UTC().Format(time.RFC3339)}}}}
			if _, err := k.MergePatch(ctx, r, "status", patch, fieldManagerStandin); err != nil {
				return fmt.Errorf("%s status: %w", r.Ref(), err)
			}
			continue
		}
		if res["version"] == version && access["helmRepository"] == c.ChartRepoURL() {
			continue
		}
		patch := map[string]any{"status": map[string]any{
			"resource": map[string]any{
				"name": "chart", "type": "helmChart", "version": version,
				"access": map[string]any{"type": "helm/v1", "helmRepository": c.ChartRepoURL(), "helmChart": chart + ":" + version},
			},
			"conditions": []any{map[string]any{"type": "Ready", "status": "True", "reason": "StandIn",
				"message":            "stand-in: resolved from the dev-clusters chart repository",
				"lastTransitionTime": time.Now().UTC().Format(time.RFC3339)}},
		}}
		if _, err := k.MergePatch(ctx, r, "status", patch, fieldManagerStandin); err != nil {
			return fmt.Errorf("%s status: %w", r.Ref(), err)
		}
	}
	return nil
}

func standinWebhookCert(ctx context.Context, k *Kube, c Config, _ map[string]string) error {
	var list struct {
		Items []Object `json:"items"`
	}
	if err := k.GetJSON(ctx, "/apis/core.platform-mesh.io/v1alpha1/platformmeshes", &list); err != nil {
		return err
	}
	ca, err1 := os.ReadFile(c.Layout.State(caCertFile))
	crt, err2 := os.ReadFile(c.Layout.State(servingCertFile))
	key, err3 := os.ReadFile(c.Layout.State(servingKeyFile))
	if err1 != nil || err2 != nil || err3 != nil {
		return fmt.Errorf("harness certificates missing: run start")
	}
	done := map[string]bool{}
	for _, pm := range list.Items {
		ns := pm.Namespace()
		if done[ns] {
			continue
		}
		done[ns] = true
		// written once (and again if one from an older harness lacks cert-manager's annotations)
		if got, err := k.Get(ctx, "v1", "Secret", ns, "rebac-authz-webhook-cert"); err == nil {
			if ann, _ := got.Meta()["annotations"].(map[string]any); ann["cert-manager.io/certificate-name"] != nil {
				continue
			}
		} else if !IsStatus(err, 404) {
			return err
		}
		// cert-manager's annotations on the Secrets it issues (platform-mesh:delete recognises
		// its output by them); the stand-in label says who really wrote it
		meta := standinMeta("rebac-authz-webhook-cert", ns)
		meta["annotations"] = map[string]any{
			"cert-manager.io/certificate-name": "rebac-authz-webhook-cert",
			"cert-manager.io/issuer-name":      "rebac-authz-webhook-issuer",
			"cert-manager.io/issuer-kind":      "Issuer",
			"cert-manager.io/issuer-group":     "cert-manager.io",
		}
		s := Object{"apiVersion": "v1", "kind": "Secret", "metadata": meta,
			"type":       "kubernetes.io/tls",
			"stringData": map[string]any{"tls.crt": string(crt), "tls.key": string(key), "ca.crt": string(ca)}}
		if _, err := k.Apply(ctx, s, fieldManagerStandin); err != nil {
			return err
		}
	}
	return nil
}

func hasCondition(o Object, typ, status string) bool {
	st, _ := o["status"].(map[string]any)
	conds, _ := st["conditions"].([]any)
	for _, c := range conds {
		m, _ := c.(map[string]any)
		if m["type"] == typ && m["status"] == status {
			return true
		}
	}
	return false
}

// liveClient is an admin client for one role.
func liveClient(c Config, r Role) (*Kube, error) {
	caPEM, err := CAPEM(c.Layout)
	if err != nil {
		return nil, err
	}
	toks, err := ReadTokens(c.Layout, r)
	if err != nil {
		return nil, err
	}
	return NewKube(c.URL(r), toks["admin"], caPEM)
}
