package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWording: errors say what is wrong in the user's terms: a missing
// file is a missing file (not a missing story), a directory that does
// not exist is not "not a directory", and a database that cannot be
// created gets no advice to run again.
func TestWording(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "plain.txt")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "lede.db")
	tests := []struct {
		name       string
		args       []string
		code       int
		want, hint string
		notWant    string
	}{
		{"watch a missing directory", []string{"--db", db, "watch", "--once", filepath.Join(dir, "gone")}, 2,
			"cannot watch " + filepath.Join(dir, "gone") + ": " + filepath.Join(dir, "gone") + " does not exist", "lede watch takes directories that exist", "not a directory"},
		{"watch a file", []string{"--db", db, "watch", "--once", file}, 2,
			file + " is a file, not a directory", "lede watch takes directories; lede ingest takes files", ""},
		{"diff a missing file", []string{"--db", db, "diff", "nofile.txt", "other.txt"}, 1,
			"nofile.txt: no such file", "", "no story"},
		{"show a file name", []string{"--db", ingestedCorpus(t), "show", "nofile.txt"}, 1,
			`no story matches "nofile.txt"`, "that is a file name, not a story", ""},
		{"database under a file", []string{"--db", filepath.Join(file, "lede.db"), "ingest", seedPage}, 1,
			"cannot create the database " + filepath.Join(file, "lede.db") + ": " + file + " is a file, not a directory",
			"give a path where you can write a file", "run the same command again"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runIn(t, fakeProc{}, tt.args...)
			if r.code != tt.code || !strings.Contains(r.stderr, "lede: error: "+tt.want) || tt.hint != "" && !strings.Contains(r.stderr, "hint: "+tt.hint) ||
				tt.notWant != "" && strings.Contains(r.stderr, tt.notWant) {
				t.Errorf("exit %d, stderr:\n%s", r.code, r.stderr)
			}
		})
	}
}
