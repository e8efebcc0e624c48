//go:build linux

package store

import (
	"syscall"
	"unsafe"
)

// faultAround is the span of the file's mapping the kernel maps on a
// page fault (fault_around_bytes, 64 KiB by default): the cached pages
// around the page read come in with it.
const faultAround = 64 << 10

// residentPages keeps few pages of the file's mapping in this process's
// resident set while it reads values spread over the whole file: each
// value read brings the cached pages around it in (faultAround), so a
// listing's resident set grew with the file (310 MiB at 10^5 revisions)
// although the process held a few MiB. When the next value lies in
// another span, done drops the span of the one before (madvise
// MADV_DONTNEED on bbolt's read-only shared mapping): its pages stay in
// the page cache, and a page read again faults back in from there.
// bbolt never writes through the mapping, so nothing is lost.
type residentPages struct {
	lo, hi uintptr // the mapping
	span   uintptr // start of the span held, 0 for none
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
	p := uintptr(unsafe.Pointer(&v[0]))
	if p < r.lo || p >= r.hi {
		return // a copy
	}
	span := max(r.lo, p&^(faultAround-1))
	if span == r.span {
		return
	}
	r.drop()
	r.span = span
}

// drop lets go of the span held.
func (r *residentPages) drop() {
	if r.span == 0 {
		return
	}
	end := min(r.hi, r.span+2*faultAround) // a value may cross into the next span
	syscall.Syscall(syscall.SYS_MADVISE, r.span, end-r.span, syscall.MADV_DONTNEED)
	r.span = 0
}
