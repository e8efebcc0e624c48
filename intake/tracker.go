package intake

import (
	"io/fs"
	"iter"
	"maps"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// fileState is what the watcher knows of a file: its size and
// modification time when last looked at, and since when they have been
// so.
type fileState struct {
	size  int64
	mod   time.Time
	since time.Time
}

// Tracker follows the files below the watched directories: fsnotify says
// when one changes, a periodic rescan catches what it missed (a burst
// that overflowed its queue, files that came while lede was not running,
// file systems without events). A file is ready once its size and
// modification time have held still for settle: a file still being
// written is not read half-way.
type Tracker struct {
	dirs  []string
	files map[string]*fileState
	// waiting holds the files not taken yet, so that a burst of events
	// in a large directory costs what is new, not what is there.
	waiting map[string]bool
	w       *fsnotify.Watcher // nil when events are unavailable
	settle  time.Duration
}

// NewTracker follows the files below dirs; a file is ready once it has held
// still for settle.
func NewTracker(dirs []string, settle time.Duration) *Tracker {
	return &Tracker{dirs: dirs, files: map[string]*fileState{}, waiting: map[string]bool{}, settle: settle}
}

// isTempName reports names a writer uses before renaming a file into
// place, or that are not pages: hidden files, editor backups, partial
// downloads.
func isTempName(name string) bool {
	if strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") {
		return true
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".tmp", ".temp", ".part", ".partial", ".crdownload", ".download", ".swp", ".lock":
		return true
	}
	return false
}

// Scan walks the directories: every directory is watched, every file
// looked at.
func (t *Tracker) Scan(now time.Time) {
	for _, dir := range t.dirs {
		filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if path != dir && isTempName(d.Name()) {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				if t.w != nil {
					t.w.Add(path)
				}
				return nil
			}
			t.touch(path, now)
			return nil
		})
	}
}

// Event handles one fsnotify event.
func (t *Tracker) Event(ev fsnotify.Event, now time.Time) {
	if isTempName(filepath.Base(ev.Name)) {
		return
	}
	if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		t.forget(ev.Name)
		return
	}
	if st, err := os.Stat(ev.Name); err == nil && st.IsDir() {
		// A new directory: watch it and take what is already in it.
		sub := *t
		sub.dirs = []string{ev.Name}
		sub.Scan(now)
		return
	}
	t.touch(ev.Name, now)
}

// touch looks at a file and notes any change.
func (t *Tracker) touch(path string, now time.Time) {
	st, err := os.Stat(path)
	if err != nil || !st.Mode().IsRegular() {
		t.forget(path)
		return
	}
	f := t.files[path]
	if f != nil && f.size == st.Size() && f.mod.Equal(st.ModTime()) {
		return
	}
	t.files[path] = &fileState{size: st.Size(), mod: st.ModTime(), since: now}
	t.waiting[path] = true
}

// forget drops a file that is gone.
func (t *Tracker) forget(path string) {
	delete(t.files, path)
	delete(t.waiting, path)
}

// Ready lists, in name order, up to max files that have held still for
// settle and were not taken yet.
func (t *Tracker) Ready(now time.Time, max int) []string {
	var out []string
	for path := range t.waiting {
		f := t.files[path]
		if now.Sub(f.since) < t.settle {
			continue
		}
		t.touch(path, now)
		if g := t.files[path]; g == f {
			out = append(out, path)
		}
	}
	sort.Strings(out)
	if len(out) > max {
		out = out[:max]
	}
	return out
}

// NextCheck is when the earliest file waiting to settle should be
// looked at again, zero when none waits.
func (t *Tracker) NextCheck() time.Time {
	var next time.Time
	for path := range t.waiting {
		if at := t.files[path].since.Add(t.settle); next.IsZero() || at.Before(next) {
			next = at
		}
	}
	return next
}

// Taken marks a file's current version as taken.
func (t *Tracker) Taken(path string) {
	delete(t.waiting, path)
}

// Later has a file looked at again after another settle period, such as
// a page that is still cut off while its writer may not be done.
func (t *Tracker) Later(path string, now time.Time) {
	if f := t.files[path]; f != nil {
		f.since = now
	}
}

// Watch gives the tracker file events to follow (nil: none, the
// periodic scan alone).
func (t *Tracker) Watch(w *fsnotify.Watcher) { t.w = w }

// Stamp is the size and modification time a file had when last looked
// at, for a restart to tell whether it changed since it was taken.
func (t *Tracker) Stamp(path string) (size int64, mod time.Time, ok bool) {
	f := t.files[path]
	if f == nil {
		return 0, time.Time{}, false
	}
	return f.size, f.mod, true
}

// Waiting yields the files not taken yet.
func (t *Tracker) Waiting() iter.Seq[string] { return maps.Keys(t.waiting) }
