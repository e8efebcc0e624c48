//go:build !unix

package store

// processLives cannot tell where signal 0 is missing: a holder is taken
// at its word.
func processLives(int) bool { return true }
