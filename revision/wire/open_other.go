//go:build !unix

package wire

import "os"

// openNonBlocking opens path read-only. Systems other than Unix have no
// FIFOs that block an open in the file system, so a plain open does.
func openNonBlocking(path string) (*os.File, error) {
	return os.Open(path)
}
