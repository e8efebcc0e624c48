//go:build linux

package store

import (
	"syscall"
	"unsafe"
)

// dropEvery is how many values residentPages lets be read between two
// drops of the whole mapping.
var dropEvery = 256

// residentPages keeps few pages of the file's mapping in this process's
// resident set while it reads values spread over the whole file. Every
// page fault maps the cached pages around the page read too (the
// kernel's fault-around, 64 KiB by default), for the value and for each
// branch page a lookup descends through, so a listing's resident set
// grew with the file: 310 MiB at 10^5 revisions when nothing was let
// go, and 188 MiB at 10^6 when only the values' own pages were, while
// the process held 7 MiB of its own. So every dropEvery values the
// whole mapping is let go (madvise MADV_DONTNEED on bbolt's read-only
// shared mapping): its pages stay in the page cache, and a page read
// again faults back in from there. bbolt never writes through the
// mapping, so nothing is lost.
type residentPages struct {
	lo, hi uintptr // the mapping
	n      int     // values read since the last drop
}

func (tx txn) residentPages() *residentPages {
	info := tx.DB().Info()
	if info == nil || info.Data == 0 {
		return &residentPages{}
	}
	return &residentPages{lo: info.Data, hi: info.Data + uintptr(tx.Size())}
}

// done says v, a value read from the mapping, is no longer needed.
func (r *residentPages) done(v []byte) {
	if len(v) == 0 || r.lo == 0 {
		return
	}
	if p := uintptr(unsafe.Pointer(&v[0])); p < r.lo || p >= r.hi {
		return // a copy
	}
	if r.n++; r.n >= dropEvery {
		r.drop()
	}
}

// drop lets go of every page of the mapping.
func (r *residentPages) drop() {
	syscall.Syscall(syscall.SYS_MADVISE, r.lo, r.hi-r.lo, syscall.MADV_DONTNEED)
	r.n = 0
}
