//go:build !linux

package store

// residentPages does nothing where lede does not manage the resident
// pages of the file's mapping (see release_linux.go).
type residentPages struct{}

func (tx txn) residentPages() *residentPages { return &residentPages{} }
func (r *residentPages) done(v []byte)       {}
