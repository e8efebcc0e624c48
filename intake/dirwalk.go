package intake

import (
	"io"
	"io/fs"
	"os"
	"slices"
	"strings"
)

// minWindow is the fewest names eachEntry holds of a directory at once.
const minWindow = 8192

// windowShare: eachEntry holds up to 1/windowShare of a large
// directory's names at once, so it reads the directory at most about
// windowShare+1 times.
const windowShare = 16

// dirEntry is one entry of a directory: its name and type bits, as
// fs.DirEntry.Type gives them.
type dirEntry struct {
	name string
	typ  fs.FileMode
}

// eachEntry calls yield with the entries of dir, in name order (the
// order os.ReadDir gives) when ordered is set, else in the order the
// directory holds them, until yield returns false; it reports whether
// yield wanted more. It never holds the whole listing: an ingest walks a
// directory for as long as it takes to store what is in it, and a
// listing of 10^5 pages held that long was the one part of ingest's
// memory that grew with the number of inputs (some 11 MB as fs.DirEntry
// values). It takes the directory a window of names at a time instead,
// reading it again for each window and keeping the next names in order
// after the last one given. The cost is a few more reads of a large
// directory, a small fraction of ingesting it. Names added or removed
// meanwhile are seen or missed as a later window finds them.
func eachEntry(dir string, ordered bool, yield func(dirEntry) bool) (bool, error) {
	if !ordered {
		return eachUnordered(dir, yield)
	}
	return eachOrdered(dir, minWindow, yield)
}

// eachOrdered is eachEntry in name order, holding at least k names at a
// time.
func eachOrdered(dir string, k int, yield func(dirEntry) bool) (bool, error) {
	after, least := "", k
	for {
		window, total, more, err := readWindow(dir, after, k)
		for _, e := range window {
			if !yield(e) {
				return false, nil
			}
		}
		if err != nil || !more {
			return true, err
		}
		after = window[len(window)-1].name
		k = max(least, total/windowShare)
	}
}

// readWindow reads dir and returns, in name order, the first k entries
// whose names sort after after ("" for the first window: names are never
// empty), how many entries dir holds and whether more follow the window.
func readWindow(dir, after string, k int) (window []dirEntry, total int, more bool, err error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, 0, false, err
	}
	defer f.Close()
	byName := func(a, b dirEntry) int { return strings.Compare(a.name, b.name) }
	// Keep at most 2k candidates: past that, sort and drop the last k,
	// whose names no later entry of this window can follow.
	cutoff, capped := "", false
	for {
		chunk, rerr := f.ReadDir(1024)
		total += len(chunk)
		for _, d := range chunk {
			name := d.Name()
			if name <= after || (capped && name >= cutoff) {
				continue
			}
			if window = append(window, dirEntry{name, d.Type()}); len(window) == 2*k {
				slices.SortFunc(window, byName)
				window, cutoff, capped = window[:k], window[k].name, true
			}
		}
		if rerr != nil {
			if rerr != io.EOF {
				err = rerr
			}
			break
		}
	}
	slices.SortFunc(window, byName)
	if len(window) > k {
		window, capped = window[:k], true
	}
	return window, total, capped, err
}

// eachUnordered calls yield with the entries of dir as the directory
// holds them, a chunk at a time.
func eachUnordered(dir string, yield func(dirEntry) bool) (bool, error) {
	f, err := os.Open(dir)
	if err != nil {
		return true, err
	}
	defer f.Close()
	for {
		chunk, err := f.ReadDir(1024)
		for _, d := range chunk {
			if !yield(dirEntry{d.Name(), d.Type()}) {
				return false, nil
			}
		}
		if err == io.EOF {
			return true, nil
		}
		if err != nil {
			return true, err
		}
	}
}
