package main

import (
	"bytes"
	"context"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"lede/intake"
	"lede/revision/wire"
)

// TestStoreAndReportReleases stores and reports two batches of real
// pages into a real database, as ingest does: once a batch is reported,
// none of its inputs keeps the page as read, its parse or its prepared
// store input, and the parses kept for the next batch's summaries are
// the last batch's only.
func TestStoreAndReportReleases(t *testing.T) {
	paths, err := filepath.Glob(pagesDir + "/AEN2020*.txt")
	if err != nil || len(paths) < 8 {
		t.Fatalf("corpus pages: %v %d", err, len(paths))
	}
	paths = paths[:8]
	var out bytes.Buffer
	l := &lede{env: env{stdout: &out, stderr: &out, getenv: func(string) string { return "" },
		terminal: func(io.Writer) (bool, int) { return false, 0 }},
		db: filepath.Join(t.TempDir(), "lede.db"), color: colorNever}
	rep := l.newIngestReport(false, len(paths))
	const n = 4
	for start := 0; start < len(paths); start += n {
		batch := make([]intake.Input, n)
		for i, p := range paths[start : start+n] {
			batch[i] = intake.Input{Source: p}
		}
		batch = intake.Flatten(intake.ParseAll(batch, nil, wire.Options{}))
		for _, in := range batch {
			if in.Err != nil || in.Raw == nil || in.Rev == nil || in.Stored == nil {
				t.Fatalf("%s not parsed: %v", in.Source, in.Err)
			}
		}
		if err := l.storeAndReport(context.Background(), batch, rep, true); err != nil {
			t.Fatal(err)
		}
		for _, in := range batch {
			if in.Raw != nil || in.Rev != nil || in.Stored != nil {
				t.Errorf("%s after its batch was reported: raw %d bytes, rev %v, stored %v",
					in.Source, len(in.Raw), in.Rev != nil, in.Stored != nil)
			}
		}
		if l.sums.Held() > n {
			t.Errorf("after %d inputs %d parses are kept, want at most a batch (%d)", start+n, l.sums.Held(), n)
		}
	}
	if rep.done != len(paths) || strings.Count(out.String(), "\n") != len(paths) {
		t.Errorf("%d inputs reported, %d lines; want %d:\n%s", rep.done, strings.Count(out.String(), "\n"), len(paths), out.String())
	}
}
