//go:build !linux

package store

// releaseMapped is a no-op where lede does not manage the mapping's
// resident pages (see release_linux.go).
func (tx txn) releaseMapped() {}
