package store

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"lede/revision"
	"lede/revision/wire"

	bolt "go.etcd.io/bbolt"
)

// editedPage is a corpus page with its text edited as old, new pairs,
// parsed by today's parser.
func editedPage(t *testing.T, id string, edits ...string) Input {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(corpus, "pages", id+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := strings.NewReplacer(edits...).Replace(string(raw))
	// Named apart from the article id, so that the pages group by their
	// content, as an older lede grouped the records these tests plant.
	src := filepath.Join(t.TempDir(), id+"-edited.txt")
	r, err := wire.Parse(src, []byte(text), wire.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return Input{Source: src, Raw: []byte(text), Rev: r}
}

// plantAsOldLede stores inputs the way lede did before it checked dates:
// the same filing, without the refusal of an impossible date.
func plantAsOldLede(t *testing.T, db *DB, ins ...Input) {
	t.Helper()
	err := db.update(func(tx txn) error {
		tx.cache = newTermCache()
		arrivals := make([]uint64, len(ins))
		for i, in := range ins {
			r, a, err := tx.ingestOne(in, time.Now().Unix())
			if err != nil {
				return err
			}
			if err := tx.putEvent(a, r.Status == StatusNewStory, -1, time.Now()); err != nil {
				return err
			}
			arrivals[i] = a
		}
		return tx.putTextBatch(ins, arrivals, groupWords(ins))
	})
	if err != nil {
		t.Fatal(err)
	}
}

// refileAs moves the revision that arrived as arrival to the day given
// (yyyymmdd) within its story, as an older lede filed a year-less Feb. 29
// of a story of 2023 under 2023-02-29.
func refileAs(t *testing.T, db *DB, arrival uint64, yyyymmdd uint32) {
	t.Helper()
	err := db.update(func(tx txn) error {
		k := append([]byte(nil), tx.b(bucketArrivals).Get(u64(arrival))...)
		v := append([]byte(nil), tx.b(bucketRevs).Get(k)...)
		nk := append([]byte(nil), k...)
		binary.BigEndian.PutUint32(nk[8:], yyyymmdd)
		if err := tx.b(bucketRevs).Delete(k); err != nil {
			return err
		}
		if err := tx.b(bucketRevs).Put(nk, v); err != nil {
			return err
		}
		if err := tx.b(bucketArrivals).Put(u64(arrival), nk); err != nil {
			return err
		}
		return tx.refresh(getU64(k))
	})
	if err != nil {
		t.Fatal(err)
	}
}

func rereadDate(source string, raw []byte) revision.Date {
	r, err := wire.Parse(source, raw, wire.Options{})
	if err != nil {
		return revision.Date{}
	}
	return r.Date
}

// TestImpossibleDateRecords: records an older lede stored with dates
// that do not exist neither stop a listing, a story nor the outbox; each
// is reported by name; check finds them and RepairDates files them again
// from their pages, after which everything is sound.
func TestImpossibleDateRecords(t *testing.T) {
	db := openTemp(t)
	if _, err := db.EnableAlerts(); err != nil {
		t.Fatal(err)
	}
	// A story of 2022-02-28 whose LEAD says 2022-02-29, which the old
	// parser took as it stood.
	first := editedPage(t, "AEN20200202000651320", "2020-02-02", "2022-02-28", "Feb. 2 ", "Feb. 28 ")
	lead := editedPage(t, "AEN20200202000652320", "2020-02-02", "2022-02-29", "Feb. 2 ", "Feb. 28 ")
	if lead.Rev.Date.String() != "--02-28" {
		t.Fatalf("today's parser reads the LEAD as %q, want --02-28 from its dateline", lead.Rev.Date)
	}
	if _, err := db.Ingest(context.Background(), []Input{first}); err != nil {
		t.Fatal(err)
	}
	old := lead
	old.Rev = new(*lead.Rev)
	old.Rev.Date = revision.Date{Year: 2022, Month: 2, Day: 29}
	if _, err := db.Ingest(context.Background(), []Input{old}); err == nil || !strings.Contains(err.Error(), "not a real date") {
		t.Fatalf("ingest of an impossible date: %v, want it refused", err)
	}
	plantAsOldLede(t, db, old)
	// A story of 2023 joined by a page dated only "Feb. 29", filed by
	// the old lede under 2023-02-29.
	kim := editedPage(t, "AEN20190602000700325", "Kim Jong-un appears", " date 2023-02-28 Kim Jong-un appears", "June 2 ", "Feb. 28 ")
	kimLead := editedPage(t, "AEN20190602000751325", "June 2 ", "Feb. 29 ")
	res := ingest(t, db, kim, kimLead)
	if res[1].Story != res[0].Story {
		t.Fatalf("the year-less LEAD started story %s, want it in %s", res[1].Story, res[0].Story)
	}
	refileAs(t, db, res[1].Arrival, 20230229)

	var warned []Problem
	list, err := db.Stories(ListOptions{Warn: func(p Problem) { warned = append(warned, p) }})
	if err != nil {
		t.Fatalf("stories: %v", err)
	}
	if len(list) != 2 {
		t.Fatalf("%d stories, want 2", len(list))
	}
	byID := map[string]Story{}
	for _, s := range list {
		byID[s.ID] = s
	}
	covid := byID[firstRes(t, db, first)]
	if len(covid.Versions) != 2 || covid.Versions[1].Label != "LEAD" || !covid.Versions[1].Date.IsZero() {
		t.Fatalf("story with the bad date: %+v", covid)
	}
	if len(warned) != 1 || warned[0].Story != covid.ID || warned[0].Source != lead.Source ||
		!strings.Contains(warned[0].Error(), `"2022-02-29" is not a real date`) || warned[0].Arrival == 0 {
		t.Fatalf("warnings %v, want the LEAD's record named", warned)
	}
	kimStory := byID[res[0].Story]
	if b, _ := json.Marshal(kimStory.Updated); string(b) != `"--02-29"` {
		t.Errorf("year-less Feb. 29 in a story of 2023 shows as %s, want \"--02-29\"", b)
	}
	one, err := db.Story(covid.ID)
	if err != nil || len(one.Problems) != 1 {
		t.Fatalf("story: %v, problems %v", err, one.Problems)
	}
	evs, err := db.Events(10)
	if err != nil || len(evs) != 4 {
		t.Fatalf("events: %d, %v; want 4", len(evs), err)
	}
	for _, e := range evs {
		if e.Err != nil {
			t.Errorf("event %d: %v", e.Arrival, e.Err)
		}
	}

	rep, err := db.Check()
	if err != nil {
		t.Fatal(err)
	}
	joined := strings.Join(rep.Problems, "\n")
	if len(rep.BadDates) != 2 || !strings.Contains(joined, `"2022-02-29" is not a real date`) ||
		!strings.Contains(joined, "under 2023-02-29") || !strings.Contains(joined, lead.Source) {
		t.Fatalf("check: bad dates %v, problems:\n%s", rep.BadDates, joined)
	}
	if err := db.RepairDates(rep.BadDates, rereadDate); err != nil {
		t.Fatal(err)
	}
	if rep, err = db.Check(); err != nil || len(rep.Problems) > 0 {
		t.Fatalf("check after repair: %v %q", err, rep.Problems)
	}
	warned = nil
	if list, err = db.Stories(ListOptions{Warn: func(p Problem) { warned = append(warned, p) }}); err != nil || len(warned) > 0 {
		t.Fatalf("stories after repair: %v, warnings %v", err, warned)
	}
	for _, s := range list {
		var dates []string
		for _, v := range s.Versions {
			dates = append(dates, v.Date.String())
		}
		switch s.ID {
		case covid.ID:
			if !slices.Equal(dates, []string{"2022-02-28", "--02-28"}) || s.Updated.String() != "2022-02-28" {
				t.Errorf("repaired story dates %v, updated %s", dates, s.Updated)
			}
		case kimStory.ID:
			if !slices.Equal(dates, []string{"2023-02-28", "--02-29"}) || s.Updated.String() != "--02-29" {
				t.Errorf("repaired story dates %v, updated %s", dates, s.Updated)
			}
		}
	}
	// The repaired page is still known: the same page again is a duplicate.
	if r := ingest(t, db, lead); r[0].Status != StatusDuplicate {
		t.Errorf("the repaired LEAD again: %s, want duplicate", r[0].Status)
	}
}

// TestUnreadableRecordSkipped: a revision record that cannot be read at
// all is reported by name and keeps its place; the story, the listing
// and the other events go on.
func TestUnreadableRecordSkipped(t *testing.T) {
	db := openTemp(t)
	if _, err := db.EnableAlerts(); err != nil {
		t.Fatal(err)
	}
	res := ingest(t, db, pageInput(t, "AEN20200202000651320"), pageInput(t, "AEN20200202000652320"), pageInput(t, "AEN20190602000700325"))
	err := db.bolt.Update(func(btx *bolt.Tx) error {
		k := btx.Bucket(bucketArrivals).Get(u64(res[0].Arrival))
		return btx.Bucket(bucketRevs).Put(k, []byte(`{"arrival":1,"source":"pages/x.txt","date":`))
	})
	if err != nil {
		t.Fatal(err)
	}
	var warned []Problem
	list, err := db.Stories(ListOptions{Warn: func(p Problem) { warned = append(warned, p) }})
	if err != nil || len(list) != 2 {
		t.Fatalf("stories: %d, %v", len(list), err)
	}
	if len(warned) != 1 || warned[0].Story != res[0].Story || warned[0].Arrival != res[0].Arrival || IsDateDamage(warned[0]) {
		t.Fatalf("warnings %v", warned)
	}
	st, err := db.Story(res[0].Story)
	if err != nil || len(st.Versions) != 2 || st.Versions[1].Rev != 2 || st.Versions[1].Label != "LEAD" {
		t.Fatalf("story: %v %+v", err, st.Versions)
	}
	evs, err := db.Events(10)
	if err != nil || len(evs) != 3 {
		t.Fatalf("events: %d, %v", len(evs), err)
	}
	if evs[0].Err == nil || evs[0].Arrival != res[0].Arrival || evs[1].Err != nil || evs[2].Err != nil {
		t.Errorf("events' errors: %v, %v, %v", evs[0].Err, evs[1].Err, evs[2].Err)
	}
	held, err := db.EventsExcept(10, map[uint64]bool{res[0].Arrival: true})
	if err != nil || len(held) != 2 || held[0].Arrival == res[0].Arrival {
		t.Errorf("events except the held one: %d, %v", len(held), err)
	}
}

// firstRes is the story the (already stored) input belongs to.
func firstRes(t *testing.T, db *DB, in Input) string {
	t.Helper()
	return ingest(t, db, in)[0].Story
}
