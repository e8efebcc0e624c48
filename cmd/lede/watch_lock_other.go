//go:build !unix

package main

// lockWatch is a no-op where flock is missing: run one lede watch per
// database there.
func lockWatch(string) (func(), error) { return func() {}, nil }
