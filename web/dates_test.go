package web

import (
	"bytes"
	"context"
	"log"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"lede/revision/wire"
	"lede/store"
	"lede/store/storetest"
)

// lockedBuffer is a log destination a test can read while handlers write.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestImpossibleDateServed: on a database where an older lede stored a
// page dated 2022-02-30, the list page, the stories API, the feed and
// the story's page still answer, with every story, and the log names the
// record.
func TestImpossibleDateServed(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lede.db")
	db, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var ins []store.Input
	for _, id := range []string{"AEN20200202000651320", "AEN20200202000652320", "AEN20190602000700325"} {
		p := "../testdata/yonhap/pages/" + id + ".txt"
		r, raw, err := wire.ParseFile(p, nil, wire.Options{})
		if err != nil {
			t.Fatal(err)
		}
		ins = append(ins, store.Input{Source: p, Raw: raw, Rev: r})
	}
	res, err := db.Ingest(context.Background(), ins)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	if err := storetest.BreakDate(path, ins[1].Source, "2022-02-30"); err != nil {
		t.Fatal(err)
	}
	var logged lockedBuffer
	srv, err := New(Config{
		Open: func(context.Context) (*store.DB, error) {
			return store.Open(path, store.Options{ReadOnly: true, Wait: 2 * time.Second})
		},
		Log: log.New(&logged, "", 0),
	})
	if err != nil {
		t.Fatal(err)
	}
	damaged, other := res[1].Story, res[2].Story
	for _, target := range []string{"/", "/api/stories", "/feed.atom", "/s/" + damaged, "/api/stories/" + damaged} {
		resp, body := get(t, srv, "GET", target)
		if resp.StatusCode != http.StatusOK {
			t.Errorf("%s: %d %s", target, resp.StatusCode, body)
			continue
		}
		if !strings.Contains(body, damaged) {
			t.Errorf("%s does not show story %s", target, damaged)
		}
		// The feed carries leads only; the lists carry every story.
		if (target == "/" || target == "/api/stories") && !strings.Contains(body, other) {
			t.Errorf("%s does not show story %s", target, other)
		}
	}
	if l := logged.String(); !strings.Contains(l, "story "+damaged+", revision 2 ("+ins[1].Source+`): stored date "2022-02-30"`) {
		t.Errorf("log:\n%s", l)
	}
}
