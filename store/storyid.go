package store

import (
	"fmt"
	"regexp"
	"strconv"

	"lede/revision"
)

// A story id is its first version's date and a slug of its headline,
// "200202-s-korea-reports-3". Two forms once read wrong: a page without a
// year gave "xx0201-...", which reads as a code, not as February 1; and a
// second story with the same date and slug got "-2", "-3", which read as
// figures ("...-reports-3-2"). Schema 10 names them "feb01-..." and "-b",
// "-c" instead, and keeps every old id naming its story.

// months are the month names of ids for pages without a year.
var months = [...]string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}

// idPrefix is the date part of a story id: YYMMDD, "feb01" when the year
// is unknown, "x" when the date is.
func idPrefix(d revision.Date) string {
	switch {
	case d.YearKnown():
		return fmt.Sprintf("%02d%02d%02d", d.Year%100, d.Month, d.Day)
	case d.Month >= 1 && d.Month <= 12:
		return fmt.Sprintf("%s%02d", months[d.Month-1], d.Day)
	}
	return "x"
}

// freeID is base, or base with the first suffix "-b", "-c" ... "-z"
// (then "-27", "-28" ...) that no story id (old ones included) holds.
func (tx txn) freeID(base string) string {
	id := base
	for n := 2; tx.b(bucketIDs).Get([]byte(id)) != nil; n++ {
		id = base + "-" + collisionSuffix(n)
	}
	return id
}

// collisionSuffix names the nth story of one date and slug: "b" for the
// second, up to "z", then the number.
func collisionSuffix(n int) string {
	if n <= 26 {
		return string(rune('a' + n - 1))
	}
	return strconv.Itoa(n)
}

// oldForms match the ids schema 10 renames: a year-less prefix, and a
// numeric suffix (which is a collision suffix only when the id without
// it is a story's id too).
var (
	oldYearless = regexp.MustCompile(`^xx(\d\d)(\d\d)-`)
	oldSuffix   = regexp.MustCompile(`^(.+)-(\d+)$`)
)

// readableID is the id schema 10 gives a story that had id, "" when id
// stays. exists says whether a story id is taken.
func readableID(id string, exists func(string) bool) string {
	out := id
	if m := oldYearless.FindStringSubmatch(out); m != nil {
		month, _ := strconv.Atoi(m[1])
		if month >= 1 && month <= 12 {
			out = months[month-1] + m[2] + "-" + out[len(m[0]):]
		}
	}
	if m := oldSuffix.FindStringSubmatch(id); m != nil && exists(m[1]) {
		if n, err := strconv.Atoi(m[2]); err == nil && n >= 2 && n <= 26 {
			base := out[:len(out)-len(m[2])-1]
			out = base + "-" + collisionSuffix(n)
		}
	}
	if out == id {
		return ""
	}
	return out
}

// migrateIDs renames the stories of an older file whose ids take the
// old forms (see above). The old id keeps naming the story, as a merged
// story's id names the story it went into.
func migrateIDs(tx txn) error {
	exists := func(id string) bool { return tx.b(bucketIDs).Get([]byte(id)) != nil }
	type rename struct {
		uid uint64
		rec storyRecord
		to  string
	}
	var todo []rename
	err := tx.b(bucketStories).ForEach(func(k, v []byte) error {
		var s storyRecord
		if err := decodeStory(v, &s); err != nil {
			return err
		}
		if s.MergedInto != 0 {
			return nil // an alias already
		}
		if to := readableID(s.ID, exists); to != "" {
			todo = append(todo, rename{getU64(k), s, to})
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, r := range todo {
		to := r.to
		if exists(to) {
			to = tx.freeID(to)
		}
		if err := tx.b(bucketIDs).Put([]byte(to), u64(r.uid)); err != nil {
			return err
		}
		r.rec.ID = to
		if err := tx.putStory(r.uid, r.rec); err != nil {
			return err
		}
	}
	return nil
}
