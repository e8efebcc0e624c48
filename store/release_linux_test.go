//go:build linux

package store

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestListingLetsGoOfMappedPages lists every story of a file of 3,000
// synthetic revisions twice, from a new mapping each time: once never
// letting go of the pages read, once after every value. The second
// keeps a fraction of the pages resident that the first does; the
// stories listed are the same. What stays resident after a drop is the
// fault-around of the pages read since, so with 16 values between
// drops the fraction was 0.23-0.27 of a 3 MiB file, too near the bound
// to test; after every value it is 0.06.
func TestListingLetsGoOfMappedPages(t *testing.T) {
	ins, _ := syntheticInputs(t, 8, 3000)
	path := filepath.Join(t.TempDir(), "lede.db")
	db, err := Open(path, Options{NoEvents: true})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < len(ins); i += 500 {
		if _, err := db.Ingest(context.Background(), ins[i:min(i+500, len(ins))]); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	list := func(every int) (rssKiB int, ids string) {
		defer func(old int) { dropEvery = old }(dropEvery)
		dropEvery = every
		db, err := Open(path, Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		var b strings.Builder
		err = db.EachStory(ListOptions{}, func(st Story) error {
			b.WriteString(st.ID + " ")
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return mappedKiB(t, path), b.String()
	}
	kept, all := list(1 << 30)
	held, same := list(1)
	t.Logf("resident pages of the file after listing %d stories: %d KiB kept, %d KiB letting go",
		strings.Count(all, " "), kept, held)
	if same != all {
		t.Error("letting go of pages changed the stories listed")
	}
	if kept < 2048 || held*4 > kept {
		t.Errorf("resident pages of the file: %d KiB letting go, %d KiB keeping all; want a quarter or less", held, kept)
	}
}

// mappedKiB is how much of the file at path this process has resident
// through its mappings (the Rss lines of /proc/self/smaps).
func mappedKiB(t *testing.T, path string) int {
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	total, in := 0, false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		switch {
		case len(fields) >= 5 && strings.Contains(fields[0], "-") && !strings.HasSuffix(fields[0], ":"):
			in = len(fields) == 6 && fields[5] == path
		case in && len(fields) == 3 && fields[0] == "Rss:":
			n, _ := strconv.Atoi(fields[1])
			total += n
		}
	}
	return total
}
