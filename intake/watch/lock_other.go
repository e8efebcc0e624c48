//go:build !unix

package watch

// Lock is a no-op where flock is missing: run one lede watch per
// database there.
func Lock(string) (func(), error) { return func() {}, nil }

// BusyError is Lock's answer when another watch holds the lock, which
// it never is here.
type BusyError struct{ DB, Who string }

// Error says which database another watch is watching.
func (e *BusyError) Error() string { return "another lede watch is watching " + e.DB }
