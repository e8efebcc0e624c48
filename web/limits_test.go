package web

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"lede/revision/wire"
	"lede/store"
)

// hugeStory stores a first version and a LEAD of a Yonhap page of paras
// paragraphs (the LEAD changes every tenth one) in a new database, and
// returns its path and the story's id.
func hugeStory(t *testing.T, paras int) (string, string) {
	return storyDB(t, "Typhoon Bavi may make landfall on the west coast", paras)
}

// storyDB is hugeStory with the headline given.
func storyDB(t *testing.T, headline string, paras int) (string, string) {
	t.Helper()
	page := func(marker, note string, edit bool) []byte {
		var b strings.Builder
		fmt.Fprintf(&b, " date 2020-08-22 %s%s\n%s", marker, headline, note)
		b.WriteString("By Kim Soo-yeon\nSEOUL, Aug. 22 (Yonhap) -- Typhoon Bavi is moving north and may reach the west coast on Wednesday.\n")
		for i := 2; i <= paras; i++ {
			fmt.Fprintf(&b, "Paragraph %d of the forecast says winds of %d meters per second are expected.", i, i%40)
			if edit && i%10 == 0 {
				b.WriteString(" The agency raised its warning.")
			}
			b.WriteByte('\n')
		}
		b.WriteString("ksy@yna.co.kr\n(END)\n")
		return []byte(b.String())
	}
	path := filepath.Join(t.TempDir(), "lede.db")
	db, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var ins []store.Input
	for i, data := range [][]byte{page("", "", false), page("(LEAD) ", "(ATTN: UPDATES throughout)\n", true)} {
		src := fmt.Sprintf("AEN202008220010%s315.txt", []string{"00", "51"}[i])
		r, err := wire.Parse(src, data, wire.Options{MaxSize: 64 << 20})
		if err != nil {
			t.Fatal(err)
		}
		in := store.Input{Source: src, Raw: data, Rev: r}
		in.Prepare()
		ins = append(ins, in)
	}
	if _, err := db.Ingest(context.Background(), ins); err != nil {
		t.Fatal(err)
	}
	list, err := db.Stories(store.ListOptions{})
	if err != nil || len(list) != 1 || len(list[0].Versions) != 2 {
		t.Fatalf("stories %+v: %v", list, err)
	}
	return path, list[0].ID
}

// fetch GETs url and returns the status, Retry-After and body.
func fetch(url string) (int, string, string, error) {
	res, err := http.Get(url)
	if err != nil {
		return 0, "", "", err
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	return res.StatusCode, res.Header.Get("Retry-After"), string(body), err
}

// TestHugeStory has 20 clients at once on the diff pages (inline, side
// by side, JSON) and the revision API of a story of 100,000 paragraphs
// over real HTTP: each is told, at once, that it is too large to show
// and which command shows it, rather than the server building 20 pages
// of 100,000 rows. The story's timeline still shows.
func TestHugeStory(t *testing.T) {
	path, id := hugeStory(t, 100_000)
	srv := httptest.NewServer(newTestServer(t, path))
	defer srv.Close()
	// The refusals name versions by ref (r1, r2: the order they came in),
	// with their place in the story beside it.
	targets := []struct{ path, version, want string }{
		{"/s/" + id + "/diff", "r1 (" + id + "@1)", "lede diff r1 r2"},
		{"/s/" + id + "/diff?view=side", "r1 (" + id + "@1)", "lede diff r1 r2"},
		{"/api/stories/" + id + "/diff?from=1&to=2", "r1 (" + id + "@1)", "lede diff r1 r2"},
		{"/api/stories/" + id + "/revisions/2", "r2 (" + id + "@2)", "lede show r2"},
	}
	start := time.Now()
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			tg := targets[i%len(targets)]
			code, _, body, err := fetch(srv.URL + tg.path)
			if err != nil || code != http.StatusRequestEntityTooLarge ||
				!strings.Contains(body, "too large to show here: "+tg.version+" has") || !strings.Contains(body, "100000 paragraphs (the limit here is 5000); use the CLI: "+tg.want) {
				t.Errorf("%s: %d %v\n%.500s", tg.path, code, err, body)
			}
			if strings.HasPrefix(tg.path, "/api/") {
				var e apiError
				if json.Unmarshal([]byte(body), &e) != nil || e.Status != 413 {
					t.Errorf("%s: not the API's error shape: %.300s", tg.path, body)
				}
			}
		}()
	}
	wg.Wait()
	if took := time.Since(start); took > 20*time.Second {
		t.Errorf("20 refusals took %s", took)
	}
	if code, _, body, err := fetch(srv.URL + "/s/" + id); code != 200 || err != nil || !strings.Contains(body, "Typhoon Bavi") {
		t.Errorf("timeline: %d %v", code, err)
	}
}

// TestDiffGate holds the server's only diff slot (as a request under way
// would): another diff request waits for it and is served when it frees
// within DiffWait, refused with 503 and Retry-After when it does not;
// pages that do not diff are not held up.
func TestDiffGate(t *testing.T) {
	path := fixture(t)
	s, err := New(Config{MaxDiffs: 1, DiffWait: 300 * time.Millisecond, Open: func(context.Context) (*store.DB, error) {
		return store.Open(path, store.Options{ReadOnly: true, Wait: 2 * time.Second})
	}})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s)
	defer srv.Close()
	exit := storyWith(t, path, "220309-exit-polls", 3).ID
	s.diffSlots <- struct{}{} // a diff under way
	for _, target := range []string{"/api/stories/" + exit + "/diff", "/s/" + exit + "/diff?from=1&to=3"} {
		start := time.Now()
		code, retry, body, err := fetch(srv.URL + target)
		if err != nil || code != http.StatusServiceUnavailable || retry == "" || !strings.Contains(body, "busy: 1 comparisons are under way") {
			t.Errorf("%s with the slot taken: %d, Retry-After %q, %v\n%.300s", target, code, retry, err, body)
		}
		if took := time.Since(start); took < 300*time.Millisecond {
			t.Errorf("%s refused after %s, before DiffWait", target, took)
		}
	}
	for _, target := range []string{"/", "/s/" + exit, "/api/stories/" + exit + "/revisions/3"} {
		if code, _, _, err := fetch(srv.URL + target); code != 200 || err != nil {
			t.Errorf("%s while a diff runs: %d %v", target, code, err)
		}
	}
	done := make(chan int)
	go func() {
		code, _, _, _ := fetch(srv.URL + "/s/" + exit + "/diff?from=1&to=2")
		done <- code
	}()
	time.Sleep(100 * time.Millisecond)
	<-s.diffSlots // the diff under way ends
	if code := <-done; code != 200 {
		t.Errorf("a queued diff: status %d, want 200", code)
	}
	if len(s.diffSlots) != 0 {
		t.Errorf("%d slots still taken after every request ended", len(s.diffSlots))
	}
}
