package harness

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"
)

// TestHelperProcess is not a test: it is the stand-in server process the liveness tests start
// (the usual os/exec helper pattern). It sleeps until killed.
func TestHelperProcess(t *testing.T) {
	if os.Getenv("PM_DEV_LIVENESS_HELPER") != "1" {
		return
	}
	time.Sleep(time.Minute)
	os.Exit(0)
}

func tempLayout(t *testing.T) Layout {
	t.Helper()
	l := Layout{Root: t.TempDir()}
	if err := os.MkdirAll(l.StateDir(), 0o755); err != nil {
		t.Fatal(err)
	}
	return l
}

// startHelper starts a process with args on its command line; it is killed when the test ends.
func startHelper(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], append([]string{"-test.run=^TestHelperProcess$", "--"}, args...)...)
	cmd.Env = append(os.Environ(), "PM_DEV_LIVENESS_HELPER=1")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _, _ = cmd.Process.Wait() })
	return cmd
}

func writePid(t *testing.T, p Proc, pid int) {
	t.Helper()
	if err := os.WriteFile(p.PidFile(), []byte(strconv.Itoa(pid)+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestCheckReuse(t *testing.T) {
	ctx := context.Background()
	c := Config{Layout: tempLayout(t), PortBase: DefaultPortBase}
	p := apiserverProc(c.Layout, RoleRuntime)
	identity := apiServerIdentity(c, RoleRuntime)
	ourArgs := append([]string{"--cert-dir=" + filepath.Join(c.Layout.StateDir(), "apiserver-runtime-certs")}, identity...)
	live := func(context.Context) bool { return true }
	dead := func(context.Context) bool { return false }

	t.Run("a server that died right before start is not reused and its pid is not signalled", func(t *testing.T) {
		cmd := startHelper(t, ourArgs...)
		pid := cmd.Process.Pid
		_ = cmd.Process.Kill()
		_, _ = cmd.Process.Wait()
		writePid(t, p, pid)
		r := checkReuse(ctx, p, identity, live, 0)
		if r.OK || r.Pid != 0 {
			t.Fatalf("dead pid %d: got %+v, want not reusable and nothing to stop", pid, r)
		}
		if err := releaseStale(p, r); err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(p.PidFile()); !os.IsNotExist(err) {
			t.Fatalf("the stale pid file stays: %v", err)
		}
	})

	t.Run("a recycled pid whose environment names the state folder is another process", func(t *testing.T) {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$")
		cmd.Env = append(os.Environ(), "PM_DEV_LIVENESS_HELPER=1", "KUBECONFIG="+c.Layout.State("kubeconfig-runtime.yaml"))
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = cmd.Process.Kill(); _, _ = cmd.Process.Wait() })
		writePid(t, p, cmd.Process.Pid)
		r := checkReuse(ctx, p, identity, live, 0)
		if r.OK || r.Pid != 0 {
			t.Fatalf("foreign process: got %+v, want not reusable and never signalled", r)
		}
	})

	t.Run("our process for another role is not this role's server", func(t *testing.T) {
		cmd := startHelper(t, append([]string{"--cert-dir=" + c.Layout.StateDir()}, apiServerIdentity(c, RoleInfra)...)...)
		writePid(t, p, cmd.Process.Pid)
		if r := checkReuse(ctx, p, identity, live, 0); r.OK || r.Pid != 0 {
			t.Fatalf("infra's process as runtime: got %+v", r)
		}
	})

	t.Run("our live server that does not answer /livez is stopped, to be started again", func(t *testing.T) {
		cmd := startHelper(t, ourArgs...)
		pid := cmd.Process.Pid
		writePid(t, p, pid)
		r := checkReuse(ctx, p, identity, dead, 300*time.Millisecond)
		if r.OK || r.Pid != pid {
			t.Fatalf("hung server: got %+v, want pid %d to stop", r, pid)
		}
		go func() { _, _ = cmd.Process.Wait() }() // reap it, as init would a detached server
		if err := releaseStale(p, r); err != nil {
			t.Fatal(err)
		}
		if err := syscall.Kill(pid, 0); err == nil && alive(pid) {
			t.Fatalf("pid %d still runs", pid)
		}
	})

	t.Run("our live server that answers /livez is reused", func(t *testing.T) {
		cmd := startHelper(t, ourArgs...)
		writePid(t, p, cmd.Process.Pid)
		if r := checkReuse(ctx, p, identity, live, 0); !r.OK || r.Pid != cmd.Process.Pid {
			t.Fatalf("healthy server: got %+v", r)
		}
	})
}
