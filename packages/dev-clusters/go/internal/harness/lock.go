package harness

import (
	"errors"
	"fmt"
	"os"
	"syscall"
	"time"
)

// Lock is an exclusive advisory lock on .state/harness.lock, so that two
// `start`s (a developer and a Jest run, say) never race on the same servers.
type Lock struct{ f *os.File }

// AcquireLock waits up to timeout for the harness lock.
func AcquireLock(l Layout, timeout time.Duration) (*Lock, error) {
	if err := os.MkdirAll(l.StateDir(), 0o755); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(l.State("harness.lock"), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, err
	}
	deadline := time.Now().Add(timeout)
	announced := false
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			return &Lock{f: f}, nil
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) {
			f.Close()
			return nil, err
		}
		if time.Now().After(deadline) {
			f.Close()
			return nil, fmt.Errorf("another dev-clusters command holds %s for more than %s", f.Name(), timeout)
		}
		if !announced {
			fmt.Fprintln(os.Stderr, "waiting for another dev-clusters command to finish...")
			announced = true
		}
		time.Sleep(250 * time.Millisecond)
	}
}

// Release drops the lock.
func (k *Lock) Release() {
	if k == nil || k.f == nil {
		return
	}
	_ = syscall.Flock(int(k.f.Fd()), syscall.LOCK_UN)
	_ = k.f.Close()
}
