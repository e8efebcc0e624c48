package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"lede/store"
)

// storyRef is what a user types to name a story or one of its versions:
// "STORY", "STORY@N", "STORY@REF" or "REF" alone. STORY is an id or an
// unambiguous prefix of one; N counts the story's versions from 1 in
// story order, which a late version can shift; REF ("r17", see
// store.RefOf) names one version for good.
type storyRef struct {
	story   string // "" when a REF alone names the version
	rev     int    // 0 when not given
	arrival uint64 // the REF's arrival number; 0 when not given
}

// hasVersion reports whether the reference names a version, not only a
// story.
func (r storyRef) hasVersion() bool { return r.rev != 0 || r.arrival != 0 }

// pick is the version part of the reference for the store.
func (r storyRef) pick() store.Pick { return store.Pick{N: r.rev, Arrival: r.arrival} }

// String writes the reference as the user would type it.
func (r storyRef) String() string {
	switch {
	case r.story == "":
		return store.RefOf(r.arrival)
	case r.hasVersion():
		return r.story + "@" + r.pick().String()
	}
	return r.story
}

// parseRef reads a reference for command cmd; a malformed one is a usage
// error. needRev says whether a version (@N, @REF or REF) is required.
func parseRef(cmd, s string, needRev bool) (storyRef, error) {
	if a, ok := store.ParseRef(s); ok {
		return storyRef{arrival: a}, nil
	}
	story, rev, hasRev := strings.Cut(s, "@")
	if story == "" {
		return storyRef{}, usagef(cmd, "%q names no story: want STORY, STORY@N or a version's ref such as r12", s)
	}
	ref := storyRef{story: story}
	if hasRev {
		if a, ok := store.ParseRef(rev); ok {
			ref.arrival = a
			return ref, nil
		}
		n, err := strconv.Atoi(rev)
		if err != nil || n < 1 {
			return storyRef{}, usagef(cmd, "%q: the revision after @ must be a number from 1 or a ref such as r12", s)
		}
		ref.rev = n
	} else if needRev {
		return storyRef{}, usagef(cmd, "%q names no revision: want STORY@N or a version's ref such as r12", s)
	}
	return ref, nil
}

// oneRef reads the single STORY[@REV] argument of cmd.
func oneRef(cmd string, args []string, needRev bool) (storyRef, error) {
	switch len(args) {
	case 0:
		return storyRef{}, usagef(cmd, "no story given (see 'lede stories' for ids)")
	case 1:
		return parseRef(cmd, args[0], needRev)
	}
	return storyRef{}, usagef(cmd, "one story expected, got %d arguments", len(args))
}

// locate finds the story and version ref names (the latest when it names
// none), with errors worded for the user. Every command that takes a
// version (show, history, split, rm...) resolves it here.
func locate(db *store.DB, ref storyRef) (store.Story, store.Version, error) {
	s, v, err := db.Locate(ref.story, ref.pick())
	return s, v, refError(err)
}

// refError words a store error about a story reference for the user: a
// story or version that is not there or a prefix that names several is a
// failure of the command (exit 1), with a hint where one helps.
func refError(err error) error {
	if !errors.Is(err, store.ErrBadRef) {
		return err
	}
	msg := strings.TrimPrefix(err.Error(), store.ErrBadRef.Error()+": ")
	hint := ""
	switch {
	case strings.Contains(msg, "ambiguous"):
		hint = "type more of the id"
	case strings.HasPrefix(msg, "no story") && looksLikeFile(strings.Trim(strings.TrimPrefix(msg, "no story matches "), `"`)):
		hint = "that is a file name, not a story: lede parse reads files, lede diff compares two"
	case strings.HasPrefix(msg, "no story"):
		hint = "run 'lede stories' to list story ids"
	case strings.HasPrefix(msg, "no version"):
		hint = "run 'lede history STORY' to list a story's versions and their refs"
	case strings.Contains(msg, "is not a version of"):
		hint = "a ref names its version alone: give it without the story"
	}
	var goneRev *store.RemovedVersionError
	if errors.As(err, &goneRev) {
		t := goneRev.Tombstone
		return &cliError{code: 1,
			msg:  fmt.Sprintf("%s was removed from story %s on %s; it was @%d  %s", t.Ref, goneRev.Story, removedWhen(t), t.Rev, tombstoneText(t)),
			hint: "'lede history " + goneRev.Story + "' lists what was removed"}
	}
	var gone *store.RemovedError
	if errors.As(err, &gone) {
		hint = "'lede history " + gone.ID + "' says what was removed"
	}
	return &cliError{code: 1, msg: msg, hint: hint}
}
