package store

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestKnockedWithin checks that only a fresh knock counts: a knock left
// by a command that gave up must not hold back every request of a server.
func TestKnockedWithin(t *testing.T) {
	db := filepath.Join(t.TempDir(), "lede.db")
	if KnockedWithin(db, time.Second) || Knocked(db) {
		t.Error("knocked without a knock file")
	}
	Knock(db)
	if !KnockedWithin(db, time.Second) || !Knocked(db) {
		t.Error("a fresh knock is not seen")
	}
	old := time.Now().Add(-2 * time.Second)
	if err := os.Chtimes(KnockFile(db), old, old); err != nil {
		t.Fatal(err)
	}
	if KnockedWithin(db, time.Second) {
		t.Error("a knock left two seconds ago still counts as fresh")
	}
	if !Knocked(db) {
		t.Error("a knock left two seconds ago is not seen by a writer")
	}
}

// TestYieldToReaders: a writer pauses once for a knock, taking it away,
// and not at all without one.
func TestYieldToReaders(t *testing.T) {
	db := filepath.Join(t.TempDir(), "lede.db")
	if YieldToReaders(context.Background(), db) {
		t.Error("yielded without a knock")
	}
	Knock(db)
	start := time.Now()
	if !YieldToReaders(context.Background(), db) {
		t.Fatal("did not yield to a knock")
	}
	if took := time.Since(start); took < ReaderPause {
		t.Errorf("paused %s, want at least %s", took, ReaderPause)
	}
	if Knocked(db) {
		t.Error("the knock is still there after the writer yielded")
	}
	Knock(db)
	Answered(db)
	if Knocked(db) {
		t.Error("the knock is still there once answered")
	}
}
