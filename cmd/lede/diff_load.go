package main

import (
	"fmt"
	"os"
	"regexp"
	"strings"

	"lede/revision"
	"lede/revision/wire"
	"lede/store"
)

// loaded is one side of a diff: a revision parsed from a file or from the
// database, and the name it goes by in the output.
type loaded struct {
	rev      *revision.Revision
	name     string        // "STORY@N", or the path as given
	ref      string        // the version's ref; "" for a file
	story    string        // the story id; "" for a file
	version  store.Version // zero for a file
	versions int           // how many versions the story has
}

// isFileArg reports whether a diff argument names a file rather than a
// story: "-" (standard input), a path with a separator, a name with a
// file's extension ("page.txt", even one that is missing, so that the
// error names a missing file, not a missing story), or anything that
// exists on disk. Story ids never contain a "/" or a ".".
func isFileArg(arg string) bool {
	if arg == "-" || strings.ContainsRune(arg, '/') || strings.ContainsRune(arg, os.PathSeparator) || looksLikeFile(arg) {
		return true
	}
	_, err := os.Stat(arg)
	return err == nil
}

// fileExt is a file name's extension: a dot and one to five letters or
// digits after the last dot, not at the start of the name.
var fileExt = regexp.MustCompile(`^[^@]+\.[A-Za-z][A-Za-z0-9]{0,4}$`)

// looksLikeFile reports whether arg is named like a file ("page.txt",
// "feed.jsonl"), which a story id or ref never is.
func looksLikeFile(arg string) bool { return fileExt.MatchString(arg) }

// loadFile reads and parses a file given to diff, refusing one over
// maxSize bytes (0: revision.DefaultMaxInput).
func (l *lede) loadFile(path string, maxSize int64) (loaded, error) {
	// lede diff <(curl OLD) <(curl NEW) reads two pipes.
	r, _, err := wire.ParseFile(path, l.stdin, wire.Options{Streams: true, MaxSize: maxSize})
	if err != nil {
		return loaded{}, &cliError{code: 1, msg: fileError(path, err)}
	}
	return loaded{rev: r, name: path}, nil
}

// loadStored reads the stored version ref names (the latest when it names
// none) and parses it again from the input as received.
func loadStored(db *store.DB, ref storyRef) (loaded, error) {
	s, v, raw, err := db.RevisionAt(ref.story, ref.pick())
	if err != nil {
		return loaded{}, refError(err)
	}
	name := fmt.Sprintf("%s@%d", s.ID, v.Rev)
	w, err := wire.ReparseVersion(name, v.Source, raw, v.Whole)
	if err != nil {
		return loaded{}, err
	}
	return loaded{rev: w.Rev, name: name, ref: v.Ref, story: s.ID, version: v, versions: len(s.Versions)}, nil
}

// rebuildFile makes a partial new file (a new top with a pick-up) whole
// with old, the version it picks up from, as ingest would; the diff then
// compares whole versions. A partial that cannot be rebuilt is compared
// as it is, with a warning saying why.
func (l *lede) rebuildFile(old loaded, new *loaded) {
	w := wire.RebuildFiles(old.rev, new.rev, old.name)
	if w.Unbuilt != "" {
		fmt.Fprintf(l.stderr, "lede: warning: %s is a partial version and was not rebuilt on %s: %s\n", new.name, old.name, w.Unbuilt)
	}
	new.rev = w.Rev
}

// reparse parses a stored version again from its source and input, for
// a text search (store.TextSearch).
func reparse(source string, raw []byte) (*revision.Revision, error) {
	return wire.Reparse(source, source, raw)
}
