package aptrec_test

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"lede/revision/revisiontest"
)

// TestKeysAgainstGroups compares the story keys with the labelled
// stories of groups.jsonl, pair by pair: two items with one key must be
// one story (precision 1: no two stories, no two days of a recurring
// report, no two cycles joined), and the versions of a story should
// share a key. The one story the key splits is known: BC-Dike Break's
// 1st Ld moved to the AM cycle as AM-Dike Break's 2nd Ld; the key keeps
// cycles apart by design, and joining across them is the grouping's job.
func TestKeysAgainstGroups(t *testing.T) {
	revisiontest.NeedShared(t)
	revs := corpusItems(t)
	f, err := os.Open(filepath.Join(corpusDir, "groups.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	group := map[string]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var g struct {
			Group   string   `json:"group"`
			Members []string `json:"members"`
		}
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			t.Fatal(err)
		}
		for _, m := range g.Members {
			group[m] = g.Group
		}
	}
	var ids []string
	for id := range group {
		ids = append(ids, id)
	}
	tp, fp, fn := 0, 0, 0
	for i, a := range ids {
		for _, b := range ids[i+1:] {
			sameKey := revs[a].Key == revs[b].Key
			sameGroup := group[a] == group[b]
			switch {
			case sameKey && sameGroup:
				tp++
			case sameKey:
				fp++
				t.Errorf("%s and %s share key %s but are different stories", a, b, revs[a].Key)
			case sameGroup:
				fn++
				t.Logf("%s (%s) and %s (%s): one story, two keys", a, revs[a].Key, b, revs[b].Key)
			}
		}
	}
	t.Logf("pairs: %d joined rightly, %d wrongly, %d split; precision %.3f, recall %.3f",
		tp, fp, fn, float64(tp)/float64(max(tp+fp, 1)), float64(tp)/float64(max(tp+fn, 1)))
	if fn > 1 {
		t.Errorf("%d labelled version pairs split by the key, want only the known cross-cycle one", fn)
	}
}
