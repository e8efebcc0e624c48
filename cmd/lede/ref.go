package main

import (
	"errors"
	"strconv"
	"strings"

	"lede/store"
)

// storyRef is what a user types to name a story or one of its revisions:
// "STORY" or "STORY@N", where STORY is an id or an unambiguous prefix of
// one and N counts the story's revisions from 1.
type storyRef struct {
	story string
	rev   int // 0 when not given
}

// parseRef reads a reference for command cmd; a malformed one is a usage
// error. needRev says whether "@N" is required.
func parseRef(cmd, s string, needRev bool) (storyRef, error) {
	story, rev, hasRev := strings.Cut(s, "@")
	if story == "" {
		return storyRef{}, usagef(cmd, "%q names no story: want STORY or STORY@N", s)
	}
	ref := storyRef{story: story}
	if hasRev {
		n, err := strconv.Atoi(rev)
		if err != nil || n < 1 {
			return storyRef{}, usagef(cmd, "%q: the revision after @ must be a number from 1", s)
		}
		ref.rev = n
	} else if needRev {
		return storyRef{}, usagef(cmd, "%q names no revision: want STORY@N", s)
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

// refError words a store error about a story reference for the user: a
// story that is not there or a prefix that names several is a failure of
// the command (exit 1), with a hint where one helps.
func refError(err error) error {
	if !errors.Is(err, store.ErrBadRef) {
		return err
	}
	msg := strings.TrimPrefix(err.Error(), store.ErrBadRef.Error()+": ")
	hint := ""
	switch {
	case strings.Contains(msg, "ambiguous"):
		hint = "type more of the id"
	case strings.HasPrefix(msg, "no story"):
		hint = "run 'lede stories' to list story ids"
	}
	var gone *store.RemovedError
	if errors.As(err, &gone) {
		hint = "'lede history " + gone.ID + "' says what was removed"
	}
	return &cliError{code: 1, msg: msg, hint: hint}
}
