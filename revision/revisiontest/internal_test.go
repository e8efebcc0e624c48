package revisiontest

import (
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"lede/revision/yonhap"
)

// testStory is a story of topic t ready to render.
func testStory(t *topic, seed uint64) *story {
	s := &story{}
	s.reset(seed, 1, t, DefaultStart, firstSeries, 3)
	if t.facts != nil {
		t.facts(s)
	}
	return s
}

// TestTemplatesRender renders every template of every topic many times:
// no slot is left unfilled, paragraphs end as sentences and headlines do
// not (bar abbreviations), and headlines parse as headlines.
func TestTemplatesRender(t *testing.T) {
	for _, tp := range topics {
		if len(tp.headT) < 2 || len(tp.leadT) < 2 || tp.nTopic < 8 || len(tp.places) == 0 {
			t.Errorf("%s: %d headlines, %d leads, %d paragraphs: updates need two of each and a body", tp.name, len(tp.headT), len(tp.leadT), tp.nTopic)
		}
		for seed := uint64(0); seed < 30; seed++ {
			s := testStory(tp, seed)
			for _, h := range tp.headT {
				text := s.renderString(h)
				r := yonhap.Parse("t", "(LEAD) "+text+"\nSEOUL, Jan. 1 (Yonhap) -- It happened.\nab@yna.co.kr\n(END)")
				if bad(text) || r.Headline != text || r.Marker.Seq != 1 {
					t.Errorf("%s headline %q parses as %q, marker %v", tp.name, text, r.Headline, r.Marker)
				}
			}
			for _, list := range [][]tmpl{tp.leadT, tp.poolT, updateT, tp.group.capT} {
				for _, p := range list {
					if text := s.renderString(p); bad(text) || !strings.HasSuffix(text, ".") && !strings.HasSuffix(text, `"`) && !strings.HasSuffix(text, ")") {
						t.Errorf("%s paragraph %q", tp.name, text)
					}
				}
			}
		}
	}
}

func bad(s string) bool {
	return s == "" || strings.ContainsAny(s, "{}<>") || strings.Contains(s, "  ") || strings.TrimSpace(s) != s
}

func TestEachFigure(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"South Korea reported 142 new cases, bringing the total to 7,134.", []string{"142", "7,134"}},
		{"The KOSPI lost 123.30 points, or 6.69 percent, to 1,712.03.", []string{"123.30", "6.69", "1,712.03"}},
		{"Exports reached US$45.6 billion in 2019.", []string{"45.6"}},
		{"COVID-19 and the 1950-53 war, a 2+2 dialogue, B-1B bombers, a 300-member parliament.", nil},
		{"The fire started at around 3:34 a.m. and 12 were hurt.", []string{"12"}},
		{"Held on the 5th, 2nd and 3rd days.", nil},
	}
	for _, tc := range tests {
		var got []string
		eachFigure(tc.text, 0, func(i, j int) bool {
			got = append(got, tc.text[i:j])
			return true
		})
		if !slices.Equal(got, tc.want) {
			t.Errorf("eachFigure(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestBumpFigureKeepsFormat(t *testing.T) {
	s := testStory(topics[0], 9)
	for _, fig := range []string{"3", "142", "7,134", "6.69", "1,712.03", "0.5"} {
		for range 50 {
			got := s.bumpFigure(fig, false)
			var n int
			eachFigure(got, 0, func(i, j int) bool { n++; return j-i == len(got) && i == 0 })
			if got == fig || n != 1 || strings.Count(got, ".") != strings.Count(fig, ".") {
				t.Fatalf("bumpFigure(%q) = %q", fig, got)
			}
			if len(fig) > 2 && strings.Contains(fig, ".") && len(got)-strings.Index(got, ".") != len(fig)-strings.Index(fig, ".") {
				t.Fatalf("bumpFigure(%q) = %q changes the decimals", fig, got)
			}
		}
	}
}

func TestParaList(t *testing.T) {
	tests := []struct {
		paras []int
		want  string
	}{
		{[]int{5}, "para 5"},
		{[]int{5, 6, 7}, "paras 5-7"},
		{[]int{2, 7, 9, 10, 11}, "paras 2, 7, 9-11"},
		{[]int{3, 5}, "paras 3, 5"},
	}
	for _, tc := range tests {
		if got := paraNumbers(tc.paras); got != tc.want {
			t.Errorf("paraNumbers(%v) = %q, want %q", tc.paras, got, tc.want)
		}
		acts := yonhap.ParseNote("ADDS more info in " + tc.want)
		if len(acts) != 1 || !slices.Equal(acts[0].ParaSet(30), tc.paras) {
			t.Errorf("note %q parses as %+v", tc.want, acts)
		}
	}
}

func TestOrdinalAndMarker(t *testing.T) {
	for n, want := range map[int]string{1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 11: "11th", 12: "12th", 13: "13th", 21: "21st", 22: "22nd"} {
		if got := ordinal(n); got != want {
			t.Errorf("ordinal(%d) = %q, want %q", n, got, want)
		}
	}
	for v, want := range []string{"", "(LEAD) ", "(2nd LD) ", "(3rd LD) "} {
		if got := marker(v); got != want {
			t.Errorf("marker(%d) = %q, want %q", v, got, want)
		}
	}
}

// TestMemoryFlat generates 10^5 revisions: the stories in flight stay
// within a day or so of stories, and the live heap does not grow between
// 10^4 and 10^5 pages.
func TestMemoryFlat(t *testing.T) {
	if testing.Short() {
		t.Skip("generates 10^5 pages")
	}
	cfg, _ := Config{Seed: 11, Revisions: 100_000}.withDefaults()
	g := newGenerator(cfg)
	var at10k, at100k uint64
	heapNow := func() uint64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	n := 0
	err := g.run(func(Page) error {
		n++
		switch n {
		case 10_000:
			at10k = heapNow()
		case 99_999:
			at100k = heapNow()
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("at most %d stories in flight; live heap %d KiB at 10^4 pages, %d KiB at 10^5", g.maxActive, at10k>>10, at100k>>10)
	if g.maxActive > 2*cfg.StoriesPerDay {
		t.Errorf("%d stories in flight, want at most %d", g.maxActive, 2*cfg.StoriesPerDay)
	}
	if at100k > at10k+4<<20 {
		t.Errorf("live heap grew from %d KiB to %d KiB", at10k>>10, at100k>>10)
	}
}

func TestGapsWithinHours(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 10000 {
		if g := time.Duration(gap(r)) * time.Second; g < 10*time.Minute || g > 5*time.Hour {
			t.Fatalf("gap %s", g)
		}
	}
}
