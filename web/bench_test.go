package web

import (
	"net/http/httptest"
	"os"
	"testing"

	"lede/store"
)

// Benchmarks of the pages in-process (no network) on the fixture: what a
// request costs the server, opening the database included. The load test
// over loopback on a database of 10^5 revisions is testdata/loadtest.sh.
func BenchmarkPages(b *testing.B) {
	path := buildFixture(b)
	srv := newTestServer(b, path)
	for _, c := range []struct{ name, target string }{
		{"list", "/"},
		{"story", "/s/220309"},
		{"diff", "/s/220309/diff?from=1&to=3"},
		{"diff-side", "/s/220309/diff?from=1&to=3&view=side"},
		{"api-diff", "/api/stories/220309/diff?from=1&to=3"},
		{"feed", "/feed.atom"},
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				rec := httptest.NewRecorder()
				srv.ServeHTTP(rec, httptest.NewRequest("GET", c.target, nil))
				if rec.Code != 200 {
					b.Fatalf("status %d", rec.Code)
				}
			}
		})
	}
}

// BenchmarkOpenRead is what every request pays to open the database
// read-only and close it again: on the fixture, or on the file named by
// $LEDE_BENCH_DB (a database of 10^5 revisions, say).
func BenchmarkOpenRead(b *testing.B) {
	path := os.Getenv("LEDE_BENCH_DB")
	if path == "" {
		path = buildFixture(b)
	}
	for b.Loop() {
		db, err := store.Open(path, store.Options{ReadOnly: true})
		if err != nil {
			b.Fatal(err)
		}
		db.Close()
	}
}
