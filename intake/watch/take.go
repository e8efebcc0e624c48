package watch

import (
	"context"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"time"

	"lede/intake"
	"lede/revision/wire"
	"lede/store"
)

// parse reads and parses the files given. A page that is cut off or does
// not parse while its file is younger than --incomplete is left for
// later: its writer may not be done (not with --once, which takes what
// is there).
func (w *watchRun) parse(paths []string) []intake.Input {
	inputs := make([]intake.Input, len(paths))
	for i, p := range paths {
		inputs[i] = intake.Input{Source: p}
	}
	var out []intake.Input
	now := time.Now()
	for _, items := range intake.ParseAll(inputs, nil, wire.Options{MaxSize: w.cfg.MaxSize}) {
		file := items[0].File
		if !w.cfg.Once && slices.ContainsFunc(items, unfinished) {
			if st, err := os.Stat(file); err == nil && now.Sub(st.ModTime()) < w.cfg.Incomplete {
				w.files.Later(file, now)
				continue
			}
		}
		out = append(out, items...)
	}
	return out
}

// unfinished reports whether an item failed or is cut off: in a young
// file its writer may not be done (a JSON lines file still growing, a
// TREC day file cut mid-<DOC>), so the whole file waits.
func unfinished(in intake.Input) bool { return in.Err != nil || !in.Rev.Complete }

// skipTaken marks as taken the files an earlier watch took that have
// not changed since, so a restart does not read them all again.
func (w *watchRun) skipTaken(ctx context.Context) {
	abs := map[string]string{}
	for path := range w.files.Waiting() {
		if a, err := filepath.Abs(path); err == nil {
			abs[a] = path
		}
	}
	var known map[string]store.FileStamp
	db, err := w.cfg.OpenRead(ctx)
	if err == nil {
		known, err = db.FileStamps(slices.Collect(maps.Keys(abs)))
		db.Close()
	}
	if err != nil {
		w.warnf("%v; reading every file again", err)
		return
	}
	for a, s := range known {
		path := abs[a]
		if size, mod, ok := w.files.Stamp(path); ok && size == s.Size && mod.UnixNano() == s.Mod {
			w.files.Taken(path)
		}
	}
}

// stamp notes the version of each file taken, for skipTaken.
func (w *watchRun) stamp(db *store.DB, inputs []intake.Input) {
	stamps := map[string]store.FileStamp{}
	for _, in := range inputs {
		size, mod, ok := w.files.Stamp(in.File)
		if a, err := filepath.Abs(in.File); err == nil && ok {
			stamps[a] = store.FileStamp{Size: size, Mod: mod.UnixNano()}
		}
	}
	if err := db.SetFileStamps(stamps); err != nil {
		w.warnf("files taken not noted (a restart reads them again): %v", err)
	}
}

// store ingests parsed inputs through the store stage lede ingest runs
// (intake.Store) and reports each outcome.
func (w *watchRun) store(db *store.DB, inputs []intake.Input) {
	for _, in := range inputs {
		w.files.Taken(in.File)
	}
	results, _ := intake.Store(context.Background(), db, w.cfg.Summaries, inputs)
	for _, r := range results {
		w.tally[r.Status]++
		w.cfg.Report.Taken(r)
	}
}
