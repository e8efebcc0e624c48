//go:build linux

package store

import "syscall"

// releaseMapped drops the file's pages from this process's resident set
// (madvise MADV_DONTNEED on bbolt's read-only shared mapping): they stay
// in the page cache, and a page read again faults back in from there. A
// listing walks records spread over the whole file, and the kernel maps
// the cached pages around each one it reads too, so without this the
// resident set of lede stories grows with the file (310 MiB at 10^5
// revisions) although the process holds a few MiB. bbolt never writes
// through the mapping, so nothing is lost.
func (tx txn) releaseMapped() {
	info := tx.DB().Info()
	if info == nil || info.Data == 0 {
		return
	}
	syscall.Syscall(syscall.SYS_MADVISE, info.Data, uintptr(tx.Size()), syscall.MADV_DONTNEED)
}
