package yonhap

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"lede/revision"
)

// label is one line of testdata/yonhap/labels.jsonl, copied from the
// shared, hand-labelled corpus of real Yonhap pages.
type label struct {
	ID       string `json:"id"`
	Date     string `json:"date"`
	Marker   string `json:"marker"`
	Headline string `json:"headline"`
	Attn     string `json:"attn"`
	Complete bool   `json:"complete"`
	Group    string `json:"group"`
}

const corpusDir = "../../testdata/yonhap"

func loadLabels(t testing.TB) []label {
	t.Helper()
	f, err := os.Open(filepath.Join(corpusDir, "labels.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []label
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var l label
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatalf("labels.jsonl: %v", err)
		}
		out = append(out, l)
	}
	if len(out) < 100 {
		t.Fatalf("labels.jsonl has %d pages, want the whole corpus (104)", len(out))
	}
	return out
}

// parsePage parses a corpus page the way lede does, through Clean.
func parsePage(t testing.TB, path string) *revision.Revision {
	t.Helper()
	return Parse(path, cleaned(t, path))
}

var labelNth = regexp.MustCompile(`^(\d+)(?:st|nd|rd|th) L?D$`)

// labelSeq derives the expected version number from a label's marker.
func labelSeq(marker string) int {
	switch {
	case marker == "":
		return 0
	case marker == "LEAD":
		return 1
	case labelNth.MatchString(marker):
		return number(labelNth.FindStringSubmatch(marker)[1])
	}
	return -1
}

// labelNote strips the "(ATTN: ...)" wrapper some labels keep.
func labelNote(attn string) string {
	if t, ok := noteText(attn); ok {
		return t
	}
	return attn
}

// knownDateMisses are pages whose only date is a dateline that differs
// from the labelled (Seoul, article id) date for a reason the page shows.
var knownDateMisses = map[string]string{
	"AEN20200414007000315": "dateline SEOUL, April 16: written on the 14th for release on the 16th",
	"AEN20201124000500325": "dateline WASHINGTON, Nov. 23: local date, Nov. 24 in Seoul",
}

// TestCorpusLabels parses every page of the labelled corpus and compares
// seq, marker, headline, note, completeness and date with the labels. The
// target is every page right; the accuracy is logged for the README.
func TestCorpusLabels(t *testing.T) {
	labels := loadLabels(t)
	var seqOK, headOK, noteOK, compOK, dateOK, allOK int
	for _, l := range labels {
		r := parsePage(t, filepath.Join(corpusDir, "pages", l.ID+".txt"))
		ok := true
		check := func(field string, got, want any, counter *int) {
			if got == want {
				*counter++
				return
			}
			ok = false
			t.Errorf("%s: %s = %q, label says %q", l.ID, field, got, want)
		}
		check("seq", r.Marker.Seq, labelSeq(l.Marker), &seqOK)
		check("raw headline", r.RawHeadline, l.Headline, &headOK)
		check("note", r.Note, labelNote(l.Attn), &noteOK)
		check("complete", r.Complete, l.Complete, &compOK)
		if why, known := knownDateMisses[l.ID]; known && datePart(r.Date) != datePart(mustDate(t, l.Date)) {
			t.Logf("%s: date %s differs from label %s as expected: %s", l.ID, r.Date, l.Date, why)
		} else {
			check("date", datePart(r.Date), datePart(mustDate(t, l.Date)), &dateOK)
		}
		if r.Marker.Label != l.Marker {
			ok = false
			t.Errorf("%s: marker label = %q, label says %q", l.ID, r.Marker.Label, l.Marker)
		}
		if ok {
			allOK++
		}
	}
	n := len(labels)
	pct := func(k int) float64 { return 100 * float64(k) / float64(n) }
	t.Logf("pages %d: seq %.1f%%, headline %.1f%%, note %.1f%%, complete %.1f%%, date %.1f%%, all fields %.1f%%",
		n, pct(seqOK), pct(headOK), pct(noteOK), pct(compOK), pct(dateOK), pct(allOK))
}

func mustDate(t *testing.T, s string) revision.Date {
	d, err := revision.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// datePart compares what a page can tell: the full date when the page has
// its year, else month and day (the label always has the year).
func datePart(d revision.Date) string { return d.String()[len(d.String())-5:] }

// TestCorpusBodyClean checks on every page that no furniture reaches the
// story text: nothing after (END), no web chrome, no captions or sign-off
// among the paragraphs, and every paragraph taken from the input.
func TestCorpusBodyClean(t *testing.T) {
	for _, l := range loadLabels(t) {
		path := filepath.Join(corpusDir, "pages", l.ID+".txt")
		r := parsePage(t, path)
		data, _ := os.ReadFile(path)
		raw := string(data)
		end := strings.Index(raw, "(END)")
		if len(r.Paragraphs) == 0 {
			t.Errorf("%s: no paragraphs", l.ID)
		}
		for i, p := range r.Paragraphs {
			at := strings.Index(collapse(raw), collapse(p))
			if at < 0 {
				t.Errorf("%s: para %d is not in the input: %.60q", l.ID, i+1, p)
				continue
			}
			if end >= 0 && at > len(collapse(raw[:end])) {
				t.Errorf("%s: para %d comes after (END): %.60q", l.ID, i+1, p)
			}
			if isChrome(p) || isSignoff(p) || strings.HasPrefix(p, "view larger image") ||
				strings.Contains(p, "http") || p == r.RawHeadline || strings.HasPrefix(p, "(ATTN") {
				t.Errorf("%s: para %d is furniture: %.60q", l.ID, i+1, p)
			}
		}
	}
}

// collapse turns every run of white space into one space, so paragraphs
// mended across line breaks can be found in the input.
func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }
