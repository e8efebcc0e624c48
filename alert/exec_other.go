//go:build !unix

package alert

import "os/exec"

// ownGroup leaves c as it is where process groups are missing: a
// cancelled command is killed, its children are not (WaitDelay still
// bounds the wait for their output).
func ownGroup(*exec.Cmd) {}
