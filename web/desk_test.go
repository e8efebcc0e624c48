package web

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"lede/store"
)

// deskFixture is a database of hand-made JSON lines items, one a file:
// an urgent item and its lead, a killed story, a corrected one and a
// plain one with a LEAD whose note claims what it does not do, ingested
// now in that order.
func deskFixture(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	items := []string{
		`{"id": "quake", "headline": "(URGENT) Strong quake hits Seoul", "time": "2026-03-01T09:00:00Z", "body": "A strong quake hit Seoul."}`,
		`{"id": "quake", "version": "LEAD", "headline": "(LEAD) Strong quake hits Seoul, 3 dead", "time": "2026-03-01T09:20:00Z", "note": "ADDS casualties in para 2", "body": "A strong quake hit Seoul.\n\nThree people died."}`,
		`{"id": "vote", "headline": "Parliament passes budget", "time": "2026-03-01T09:30:00Z", "status": "killed", "body": "Withdrawn."}`,
		`{"id": "fire", "headline": "Fire at market", "time": "2026-03-01T09:40:00Z", "status": "corrected", "body": "A fire broke out at a market in Busan."}`,
		// Yonhap pages, whose note the LEAD's update does not bear out.
		" date 2026-03-01 Heavy rain expected in south\nSEOUL, March 1 (Yonhap) -- Heavy rain is expected in the south today.\nkim@yna.co.kr\n(END)",
		" date 2026-03-01 (LEAD) Heavy rain expected in south\n(ATTN: ADDS byline)\nSEOUL, March 1 (Yonhap) -- Heavy rain is expected in the south today.\nkim@yna.co.kr\n(END)",
	}
	var files []string
	for i, it := range items {
		p := filepath.Join(dir, string(rune('a'+i))+".jsonl")
		if !strings.HasPrefix(it, "{") {
			p = strings.TrimSuffix(p, "jsonl") + "txt"
		}
		if err := os.WriteFile(p, []byte(it+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, p)
	}
	path := filepath.Join(dir, "lede.db")
	for _, f := range files {
		ingestFiles(t, path, f) // one batch each: arrivals in this order
	}
	storeSummaries(t, path)
	return path
}

var (
	updateRe  = regexp.MustCompile(`<li class="update([^"]*)" data-ref="(r\d+)">`)
	refreshRe = regexp.MustCompile(`<meta http-equiv="refresh" content="(\d+)">`)
)

func TestDeskView(t *testing.T) {
	path := deskFixture(t)
	now := time.Now()
	srv, err := New(Config{Open: func(context.Context) (*store.DB, error) {
		return store.Open(path, store.Options{ReadOnly: true, Wait: 2 * time.Second})
	}, Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	type row struct{ ref, flags string }
	rows := func(body string) []row {
		var out []row
		for _, m := range updateRe.FindAllStringSubmatch(body, -1) {
			out = append(out, row{m[2], strings.TrimSpace(m[1])})
		}
		return out
	}
	all := []row{{"r6", "notseen"}, {"r5", ""}, {"r4", "corrected"}, {"r3", "killed"}, {"r2", ""}, {"r1", "urgent"}}
	cases := []struct {
		name, target string
		status       int
		rows         []row
		refresh      string // the meta refresh, "" for none
		want         []string
	}{
		{"last hour, newest first", "/?within=hour", 200, all, "60", []string{"Desk: the last hour", `href="/r/r2">Strong quake hits Seoul, 3 dead</a>`,
			`<span class="badge flag killed">KILLED</span>`, `<span class="badge flag urgent">URGENT</span>`, `/diff?to=r2">what it changed`}},
		{"today", "/?within=today", 200, all, "60", []string{"Desk: today"}},
		{"refresh off", "/?within=hour&refresh=0", 200, all, "", []string{"Not refreshing"}},
		{"refresh 30", "/?within=hour&refresh=30", 200, all, "30", nil},
		{"kills and urgent items", "/?within=hour&flag=killed&flag=urgent", 200, []row{{"r3", "killed"}, {"r1", "urgent"}}, "60",
			[]string{`value="killed" checked`, `value="urgent" checked`}},
		{"corrections", "/?within=today&flag=corrected", 200, []row{{"r4", "corrected"}}, "60", nil},
		{"not seen", "/?within=hour&flag=notseen", 200, []row{{"r6", "notseen"}}, "60", []string{`<span class="badge flag notseen">NOT SEEN</span>`, `<span class="ns">1 not seen</span>`, "ATTN: ADDS byline"}},
		{"nothing flagged", "/?within=hour&flag=urgent&flag=notseen&flag=killed&flag=corrected", 200, []row{all[0], all[2], all[3], all[5]}, "60", nil},
		{"bad window", "/?within=week", 400, nil, "", []string{"want hour or today"}},
		{"bad flag", "/?within=hour&flag=sports", 400, nil, "", []string{"want killed, corrected, urgent or notseen"}},
		{"bad refresh", "/?within=hour&refresh=1", 400, nil, "", []string{"want 0 (off) or seconds from 10 to 3600"}},
		{"story page does not refresh", "/s/260301-strong-quake", 200, nil, "", nil},
		{"story page refresh asked for", "/s/260301-strong-quake?refresh=120", 200, nil, "120", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, body := get(t, srv, "GET", c.target)
			if res.StatusCode != c.status {
				t.Fatalf("status %d, want %d\n%s", res.StatusCode, c.status, body)
			}
			if got := rows(body); !slices.Equal(got, c.rows) {
				t.Errorf("updates %v, want %v", got, c.rows)
			}
			got := ""
			if m := refreshRe.FindStringSubmatch(body); m != nil {
				got = m[1]
			}
			if got != c.refresh {
				t.Errorf("meta refresh %q, want %q", got, c.refresh)
			}
			for _, w := range c.want {
				if !strings.Contains(body, w) {
					t.Errorf("body lacks %q\n%.3000s", w, body)
				}
			}
		})
	}
	// Two hours on, the last hour is empty; today's view keeps them
	// unless midnight passed.
	now = now.Add(2 * time.Hour)
	if _, body := get(t, srv, "GET", "/?within=hour&flag=killed"); !strings.Contains(body, "Nothing flagged came in in the last hour.") {
		t.Errorf("two hours later the last hour's kills: %v", rows(body))
	}
	if _, body := get(t, srv, "GET", "/?within=hour"); len(rows(body)) != 0 || !strings.Contains(body, "Nothing came in in the last hour.") {
		t.Errorf("two hours later the last hour lists %v", rows(body))
	}
}
