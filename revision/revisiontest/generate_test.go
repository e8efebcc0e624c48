package revisiontest_test

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"lede/revision/revisiontest"
)

// digest generates a corpus and hashes its names and texts.
func digest(t *testing.T, cfg revisiontest.Config) ([32]byte, int) {
	t.Helper()
	h, n := sha256.New(), 0
	err := revisiontest.Generate(cfg, func(p revisiontest.Page) error {
		h.Write([]byte(p.Name))
		h.Write(p.Text)
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var sum [32]byte
	copy(sum[:], h.Sum(nil))
	return sum, n
}

func TestDeterministic(t *testing.T) {
	cfg := revisiontest.Config{Seed: 42, Revisions: 3000}
	a, _ := digest(t, cfg)
	b, _ := digest(t, cfg)
	if a != b {
		t.Error("the same Config gave different corpora")
	}
	cfg.Seed = 43
	if c, _ := digest(t, cfg); c == a {
		t.Error("another seed gave the same corpus")
	}
}

func TestExactCount(t *testing.T) {
	for _, n := range []int{0, 1, 2, 7, 999, 1234} {
		if _, got := digest(t, revisiontest.Config{Revisions: n}); got != n {
			t.Errorf("Revisions %d: %d pages", n, got)
		}
	}
}

func TestConfig(t *testing.T) {
	tests := []struct {
		name    string
		cfg     revisiontest.Config
		wantErr bool
		noDate  [2]float64 // share of pages without the date line, min and max
		start   string
	}{
		{"defaults", revisiontest.Config{Revisions: 3000}, false, [2]float64{0.29, 0.38}, "2020-01-01"},
		{"every page dated", revisiontest.Config{Revisions: 500, NoDateLine: -1}, false, [2]float64{0, 0}, "2020-01-01"},
		{"no page dated", revisiontest.Config{Revisions: 500, NoDateLine: 1}, false, [2]float64{1, 1}, "2020-01-01"},
		{"half", revisiontest.Config{Revisions: 3000, NoDateLine: 0.5}, false, [2]float64{0.45, 0.55}, "2020-01-01"},
		{"start", revisiontest.Config{Revisions: 50, Start: time.Date(2023, 5, 31, 17, 0, 0, 0, time.UTC)}, false, [2]float64{0, 1}, "2023-05-31"},
		{"few stories a day", revisiontest.Config{Revisions: 200, StoriesPerDay: 5}, false, [2]float64{0, 1}, "2020-01-01"},
		{"negative revisions", revisiontest.Config{Revisions: -1}, true, [2]float64{}, ""},
		{"negative stories", revisiontest.Config{Revisions: 1, StoriesPerDay: -3}, true, [2]float64{}, ""},
		{"share over 1", revisiontest.Config{Revisions: 1, NoDateLine: 1.5}, true, [2]float64{}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			n, undated := 0, 0
			var first time.Time
			err := revisiontest.Generate(tc.cfg, func(p revisiontest.Page) error {
				if n == 0 {
					first = p.Time
				}
				n++
				if !bytes.HasPrefix(p.Text, []byte(" date ")) {
					undated++
				}
				return nil
			})
			if (err != nil) != tc.wantErr {
				t.Fatalf("error %v, want error %v", err, tc.wantErr)
			}
			if tc.wantErr {
				return
			}
			if n != tc.cfg.Revisions {
				t.Errorf("%d pages, want %d", n, tc.cfg.Revisions)
			}
			if share := float64(undated) / float64(n); share < tc.noDate[0] || share > tc.noDate[1] {
				t.Errorf("%.2f of pages undated, want %.2f-%.2f", share, tc.noDate[0], tc.noDate[1])
			}
			if got := first.Format("2006-01-02"); got != tc.start {
				t.Errorf("first page on %s, want %s", got, tc.start)
			}
		})
	}
}

func TestEmitErrorStops(t *testing.T) {
	stop := errors.New("stop")
	n := 0
	err := revisiontest.Generate(revisiontest.Config{Revisions: 100}, func(revisiontest.Page) error {
		n++
		if n == 10 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 10 {
		t.Errorf("got %v after %d pages, want the emit error after 10", err, n)
	}
}

func TestWriteDir(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "corpus")
	cfg := revisiontest.Config{Seed: 5, Revisions: 60}
	n, err := revisiontest.WriteDir(dir, cfg)
	if err != nil || n != 60 {
		t.Fatalf("WriteDir: %d, %v", n, err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil || len(entries) != 60 {
		t.Fatalf("%d files, %v", len(entries), err)
	}
	err = revisiontest.Generate(cfg, func(p revisiontest.Page) error {
		got, err := os.ReadFile(filepath.Join(dir, p.Name))
		if err != nil {
			return err
		}
		if !bytes.Equal(got, p.Text) {
			t.Errorf("%s differs from the generated page", p.Name)
		}
		if !strings.HasPrefix(p.Name, "AEN"+p.Time.Format("20060102")) || !strings.HasSuffix(p.Name, ".txt") {
			t.Errorf("name %s", p.Name)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// BenchmarkGenerate measures generation alone, one page an operation:
// -benchtime=1000000x generates a 10^6-revision corpus.
func BenchmarkGenerate(b *testing.B) {
	size := 0
	b.ReportAllocs()
	err := revisiontest.Generate(revisiontest.Config{Seed: 1, Revisions: b.N}, func(p revisiontest.Page) error {
		size += len(p.Text)
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(size)/float64(b.N), "B/page")
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}
