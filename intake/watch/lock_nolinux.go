//go:build unix && !linux

package watch

import "os"

// lockDBFile does nothing where open-file-description locks are missing
// (classic fcntl locks would drop whenever bbolt closes the file): there
// the lock next to the resolved path keeps one watch per file for every
// name but a hard link.
func lockDBFile(string) (*os.File, error) { return nil, nil }
