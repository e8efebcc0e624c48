package store

import (
	"context"
	"os"
	"time"
)

// A command that finds the database busy leaves a knock file next to it.
// bbolt gives a writer an exclusive lock for as long as the file is open,
// and a long ingest reopens it between batches within microseconds, so a
// waiting reader, which polls every 50ms, would almost never get in; an
// ingest that finds the knock pauses between batches long enough for
// every waiting reader to poll once. The knock lives here, beside the
// lock it works around, so that every writer (lede ingest, the watch)
// and every reader (each command, the web server) speak the same
// protocol.

// KnockFile is the knock file of the database at path.
func KnockFile(path string) string { return path + ".waiting" }

// Knock tells a writer of the database at path that another command is
// waiting. Failures only cost the reader a longer wait.
func Knock(path string) {
	if f, err := os.Create(KnockFile(path)); err == nil {
		f.Close()
	}
}

// Answered takes the knock away once the waiting command got in, so
// the next writer runs on; readers still waiting knock again.
func Answered(path string) { os.Remove(KnockFile(path)) }

// Knocked reports whether another command waits for the database at
// path.
func Knocked(path string) bool {
	_, err := os.Stat(KnockFile(path))
	return err == nil
}

// KnockedWithin reports whether a command waiting for the database at
// path has knocked within d. A waiting command knocks again every
// quarter second; an older knock was left by one that gave up or died.
func KnockedWithin(path string, d time.Duration) bool {
	st, err := os.Stat(KnockFile(path))
	return err == nil && time.Since(st.ModTime()) < d
}

// ReaderPause is how long a writer lets go of the file for knocking
// readers: longer than bbolt's 50ms lock polling interval.
const ReaderPause = 75 * time.Millisecond

// YieldToReaders pauses for ReaderPause (unless ctx ends) when a reader
// has knocked at the database at path, and reports whether it did. A
// writer calls it before it opens the file.
func YieldToReaders(ctx context.Context, path string) bool {
	if err := os.Remove(KnockFile(path)); err != nil {
		return false
	}
	select {
	case <-ctx.Done():
	case <-time.After(ReaderPause):
	}
	return true
}
