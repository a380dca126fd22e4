package harness

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Proc is one detached server process with its pid file and log under .state/.
type Proc struct {
	Name string // etcd, apiserver-operator, ...
	l    Layout
}

// NewProc names a process of the harness.
func NewProc(l Layout, name string) Proc { return Proc{Name: name, l: l} }

// PidFile is the path of the pid file.
func (p Proc) PidFile() string { return p.l.State(p.Name + ".pid") }

// LogFile is the path of the log file (stdout and stderr).
func (p Proc) LogFile() string { return p.l.State(p.Name + ".log") }

// Pid returns the recorded pid when that process is alive and still ours, else 0.
func (p Proc) Pid() int {
	pid := p.recordedPid()
	if pid == 0 {
		return 0
	}
	if !alive(pid) || !p.isOurs(pid) {
		return 0
	}
	return pid
}

// isOurs checks that the pid still runs a binary from our cache with our state folder,
// so that a recycled pid is never signalled.
func (p Proc) isOurs(pid int) bool {
	for _, f := range []string{"cmdline", "environ"} {
		b, err := os.ReadFile(fmt.Sprintf("/proc/%d/%s", pid, f))
		if err == nil && bytes.Contains(b, []byte(p.l.StateDir())) {
			return true
		}
	}
	return false
}

func alive(pid int) bool {
	if err := syscall.Kill(pid, 0); err != nil && !errors.Is(err, syscall.EPERM) {
		return false
	}
	// A zombie is not alive.
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return false
	}
	s := string(b)
	if i := strings.LastIndexByte(s, ')'); i >= 0 && i+2 < len(s) {
		return s[i+2] != 'Z'
	}
	return true
}

// Start runs the binary detached (own session, stdin from /dev/null, output to the log)
// and records its pid.
func (p Proc) Start(bin string, args []string) (int, error) { return p.StartEnv(bin, args, nil) }

// StartEnv is Start with extra environment variables (KEY=value) on top of this process's own.
func (p Proc) StartEnv(bin string, args []string, env []string) (int, error) {
	logf, err := os.OpenFile(p.LogFile(), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return 0, err
	}
	defer logf.Close()
	devnull, err := os.Open(os.DevNull)
	if err != nil {
		return 0, err
	}
	defer devnull.Close()
	fmt.Fprintf(logf, "\n=== %s starting %s\n", time.Now().Format(time.RFC3339), bin)
	cmd := exec.Command(bin, args...)
	cmd.Stdin = devnull
	cmd.Stdout = logf
	cmd.Stderr = logf
	cmd.Dir = p.l.StateDir()
	if env != nil {
		cmd.Env = append(os.Environ(), env...)
	}
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	if err := cmd.Start(); err != nil {
		return 0, err
	}
	pid := cmd.Process.Pid
	if err := writeFileAtomic(p.PidFile(), []byte(strconv.Itoa(pid)+"\n"), 0o644); err != nil {
		_ = cmd.Process.Kill()
		return 0, err
	}
	// Reap the child if it dies while this CLI still runs; once we exit, init adopts it.
	go func() { _ = cmd.Wait() }()
	return pid, nil
}

// Stop sends SIGTERM, waits up to grace, then SIGKILL. It removes the pid file.
func (p Proc) Stop(grace time.Duration) (bool, error) {
	pid := p.Pid()
	defer os.Remove(p.PidFile())
	if pid == 0 {
		return false, nil
	}
	if err := syscall.Kill(pid, syscall.SIGTERM); err != nil && !errors.Is(err, syscall.ESRCH) {
		return true, err
	}
	deadline := time.Now().Add(grace)
	for time.Now().Before(deadline) {
		if !alive(pid) {
			return true, nil
		}
		time.Sleep(100 * time.Millisecond)
	}
	_ = syscall.Kill(pid, syscall.SIGKILL)
	for i := 0; i < 50 && alive(pid); i++ {
		time.Sleep(100 * time.Millisecond)
	}
	if alive(pid) {
		return true, fmt.Errorf("%s (pid %d) did not exit after SIGKILL", p.Name, pid)
	}
	return true, nil
}

// LogTail returns the last n lines of the log, for error messages.
func (p Proc) LogTail(n int) string {
	b, err := os.ReadFile(p.LogFile())
	if err != nil {
		return ""
	}
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// RSSKiB reads VmRSS of a pid from /proc (0 when unknown).
func RSSKiB(pid int) int {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "VmRSS:") {
			f := strings.Fields(line)
			if len(f) >= 2 {
				n, _ := strconv.Atoi(f[1])
				return n
			}
		}
	}
	return 0
}
