package store

import (
	"fmt"
	"os"
	"strings"
)

// holderOf is what the writer holding the database at path wrote about
// itself ("pid 4242, lede ingest, since 10:31:07"), or "" when nothing
// is known: no holder file, or one naming a process that has ended. A
// writer killed with SIGKILL leaves its file behind, and the file is
// then busy with another process (a reader writes none), which must not
// be blamed on the dead one.
func holderOf(path string) string {
	b, _ := os.ReadFile(holderFile(path))
	desc := strings.TrimSpace(string(b))
	var pid int
	if _, err := fmt.Sscanf(desc, "pid %d", &pid); err == nil && !processLives(pid) {
		return ""
	}
	return desc
}
