//go:build unix

package alert

import (
	"os/exec"
	"syscall"
)

// ownGroup starts c in a process group of its own and makes cancelling
// it kill the whole group, so the children the command starts end with
// it.
func ownGroup(c *exec.Cmd) {
	c.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	c.Cancel = func() error {
		// The group's id is the shell's pid (Setpgid with Pgid 0).
		return syscall.Kill(-c.Process.Pid, syscall.SIGKILL)
	}
}
