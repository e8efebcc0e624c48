package watch

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"lede/alert"
	"lede/intake"
	"lede/revision"
	"lede/store"
)

// The first version of a story and its LEAD, among the bundled pages.
const (
	pages     = "../../testdata/yonhap/pages/"
	firstPage = "AEN20200202000651320.txt"
	leadPage  = "AEN20200202000652320.txt"
)

// copyPage copies the bundled page name to path.
func copyPage(t *testing.T, name, path string) {
	t.Helper()
	data, err := os.ReadFile(pages + name)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// memorySink keeps the alerts it is sent.
type memorySink struct {
	mu  sync.Mutex
	got []*alert.Alert
}

func (s *memorySink) Info() store.Sink { return store.Sink{ID: "memory", Kind: "memory", Name: "test"} }

func (s *memorySink) Send(_ context.Context, a *alert.Alert, _ []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.got = append(s.got, a)
	return nil
}

// recorder is a Reporter that keeps what it is told.
type recorder struct {
	warnings []string
	taken    []store.Result
	pruned   int
}

func (r *recorder) Warn(msg string)                  { r.warnings = append(r.warnings, msg) }
func (r *recorder) Taken(res store.Result)           { r.taken = append(r.taken, res) }
func (r *recorder) Pruned(n int, keep time.Duration) { r.pruned += n }

// onceConfig is a --once watch of dir into the database at path,
// alerting on leads to sink, as lede watch wires it.
func onceConfig(t *testing.T, path, dir string, sink alert.Sink, rep Reporter) Config {
	t.Helper()
	db, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	id, err := db.EnableAlerts()
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if err != nil {
		t.Fatal(err)
	}
	return Config{
		Dirs: []string{dir}, Once: true, Rules: revision.Rules{Kinds: []revision.AlertKind{revision.KindLead}},
		DBID: id, Path: path,
		Open:       func(context.Context) (*store.DB, error) { return store.Open(path, store.Options{}) },
		OpenRead:   func(context.Context) (*store.DB, error) { return store.Open(path, store.Options{ReadOnly: true}) },
		Deliverer:  alert.NewDeliverer([]alert.Sink{sink}, time.Second, io.Discard),
		Summaries:  &intake.Summaries{},
		Report:     rep,
		Incomplete: time.Second, Rescan: time.Second, Batch: 10,
	}
}

// TestRunOnce watches a folder of a first version, its LEAD and an
// empty file, once: the two pages are stored, the empty file is an
// error the Reporter hears of, the LEAD raises the one alert and the
// sink receives it, and Stats say so, failed for the empty file. A
// second run takes nothing, the files being unchanged since.
func TestRunOnce(t *testing.T) {
	dir, path := t.TempDir(), filepath.Join(t.TempDir(), "lede.db")
	copyPage(t, firstPage, filepath.Join(dir, firstPage))
	copyPage(t, leadPage, filepath.Join(dir, leadPage))
	if err := os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	sink, rep := &memorySink{}, &recorder{}
	stats, err := Run(context.Background(), onceConfig(t, path, dir, sink, rep))
	if err != nil {
		t.Fatal(err)
	}
	want := map[store.Status]int{store.StatusNewStory: 1, store.StatusUpdate: 1, store.StatusError: 1}
	for s, n := range want {
		if stats.Tally[s] != n {
			t.Errorf("%d %s, want %d (tally %v)", stats.Tally[s], s, n, stats.Tally)
		}
	}
	if stats.Taken() != 3 || len(rep.taken) != 3 || stats.Alerts != 1 || stats.Sent != 1 || !stats.Failed() {
		t.Errorf("stats %+v, %d reported taken; want 3 taken, 1 alert sent, failed", stats, len(rep.taken))
	}
	if len(sink.got) != 1 || sink.got[0].Marker.Label != "LEAD" || sink.got[0].Rev != 2 {
		t.Fatalf("sink got %+v, want the LEAD at @2", sink.got)
	}
	var update store.Result
	for _, r := range rep.taken {
		if r.Status == store.StatusUpdate {
			update = r
		}
	}
	if sink.got[0].Story != update.Story || sink.got[0].Ref != update.Ref {
		t.Errorf("alert of %s %s, want the update %s %s", sink.got[0].Story, sink.got[0].Ref, update.Story, update.Ref)
	}
	sink2, rep2 := &memorySink{}, &recorder{}
	stats, err = Run(context.Background(), onceConfig(t, path, dir, sink2, rep2))
	if err != nil || stats.Taken() != 0 || stats.Alerts != 0 || len(sink2.got) != 0 || stats.Failed() {
		t.Errorf("again: %v, stats %+v, sink %d alerts; want nothing taken or raised", err, stats, len(sink2.got))
	}
}

// TestRunStops: a watch without --once ends with context.Canceled when
// its context does, after taking what was there.
func TestRunStops(t *testing.T) {
	dir, path := t.TempDir(), filepath.Join(t.TempDir(), "lede.db")
	copyPage(t, firstPage, filepath.Join(dir, "page.txt"))
	rep := &recorder{}
	cfg := onceConfig(t, path, dir, &memorySink{}, rep)
	cfg.Once = false
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	var stats Stats
	var err error
	go func() {
		defer close(done)
		stats, err = Run(ctx, cfg)
	}()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		db, err := store.Open(path, store.Options{ReadOnly: true, Wait: 50 * time.Millisecond})
		if err == nil {
			stories, _ := db.Stories(store.ListOptions{})
			db.Close()
			if len(stories) == 1 {
				break
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	cancel()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the watch did not stop within 10s of its context ending")
	}
	if !errors.Is(err, context.Canceled) || stats.Tally[store.StatusNewStory] != 1 {
		t.Errorf("Run = %v with tally %v; want context.Canceled after 1 new story", err, stats.Tally)
	}
}
