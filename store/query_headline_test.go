package store

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"lede/revision"
)

// TestRecordHeadline checks the headline-only reader against a full
// decode, with quotes, backslashes, escapes and a source that mentions
// the key.
func TestRecordHeadline(t *testing.T) {
	for _, h := range []string{"", "plain", `say "hi"`, `back\\slash \"`, "<script>x</script> & é \u2028",
		`"headline":"decoy"`} {
		rec := RevRecord{Source: `a "headline":"decoy" path\`, Headline: h, Tags: []string{`"headline":"x"`},
			Marker:  revision.Marker{Label: "LEAD", Seq: 1},
			Summary: &revision.UpdateSummary{Headline: true}}
		raw, err := json.Marshal(rec)
		if err != nil {
			t.Fatal(err)
		}
		got, err := recordHeadline(raw)
		if err != nil || got != h {
			t.Errorf("headline %q: got %q, %v\n%s", h, got, err, raw)
		}
	}
	if _, err := recordHeadline([]byte(`{"headline":"unterminated`)); err == nil {
		t.Error("an unterminated headline reads without error")
	}
}

// storyMatches reports whether a version's headline matches re.
func storyMatches(s Story, re *regexp.Regexp) bool {
	for _, v := range s.Versions {
		if re.MatchString(v.Headline) {
			return true
		}
	}
	return false
}

// TestStoriesPagingAndHeadline checks that Offset pages through the same
// list Stories gives whole, and that Headline and Grep keep the stories
// with a matching version, as a filter of the whole list does.
func TestStoriesPagingAndHeadline(t *testing.T) {
	db := openTemp(t)
	ingestAll(t, db, corpusInputs(t), 500)
	all, err := db.Stories(ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var paged []Story
	for off := 0; ; off += 7 {
		page, err := db.Stories(ListOptions{Offset: off, Limit: 7})
		if err != nil {
			t.Fatal(err)
		}
		if len(page) == 0 {
			break
		}
		paged = append(paged, page...)
	}
	if len(paged) != len(all) {
		t.Fatalf("paged %d stories, %d whole", len(paged), len(all))
	}
	for i := range all {
		if paged[i].ID != all[i].ID || len(paged[i].Versions) != len(all[i].Versions) {
			t.Errorf("story %d: paged %s, whole %s", i, paged[i].ID, all[i].ID)
		}
	}
	virus := func(h string) bool { return strings.Contains(h, "coronavirus") }
	death := regexp.MustCompile("death|dead")
	var want []string
	for _, s := range all {
		if storyMatches(s, death) && storyMatches(s, regexp.MustCompile("coronavirus")) {
			want = append(want, s.ID)
		}
	}
	got, err := db.Stories(ListOptions{Headline: virus, Grep: death, Offset: 1})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, s := range got {
		ids = append(ids, s.ID)
	}
	if len(want) < 2 || strings.Join(ids, " ") != strings.Join(want[1:], " ") {
		t.Errorf("Headline and Grep from the second: %v, want %v", ids, want[1:])
	}
}
