//go:build unix

package store

import (
	"errors"
	"syscall"
)

// processLives reports whether a process pid exists: signal 0 checks
// without sending anything (EPERM: it exists, under another user).
func processLives(pid int) bool {
	if pid <= 0 {
		return false
	}
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
