package revisiontest_test

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"lede/revision/revisiontest"
)

// corpusStats is what TestShape measures over a corpus.
type corpusStats struct {
	pages, updates int
	versions       map[int]int // story -> pages
	kinds          map[revisiontest.EditKind]int
	noDate, seoul  int
	sizes          []int
	crossMidnight  int
	crossed        map[int]bool
	firstSeen      map[int]time.Time
	firstBody      map[int]map[string]bool // story -> words of its first version
	firstDay       map[int]string
	closest        []float64 // per story: overlap with its own next version
	dailyCounts    []string  // figures of the daily virus count, day by day
}

var dailyCount = regexp.MustCompile(`^S\. Korea reports ([\d,]+) more cases|^S\. Korea's new virus cases at ([\d,]+)|^New coronavirus cases in S\. Korea at ([\d,]+)`)

func measure(t *testing.T, cfg revisiontest.Config) *corpusStats {
	t.Helper()
	c := &corpusStats{versions: map[int]int{}, kinds: map[revisiontest.EditKind]int{},
		firstSeen: map[int]time.Time{}, firstBody: map[int]map[string]bool{}, firstDay: map[int]string{}, crossed: map[int]bool{}}
	var last time.Time
	err := revisiontest.Generate(cfg, func(p revisiontest.Page) error {
		r := parse(t, p)
		c.pages++
		c.sizes = append(c.sizes, len(p.Text))
		if p.Time.Before(last) {
			t.Errorf("%s arrives at %s, before the previous page (%s)", p.Name, p.Time, last)
		}
		last = p.Time
		if c.versions[p.Story] != p.Version {
			t.Errorf("%s: story %d version %d after %d pages", p.Name, p.Story, p.Version, c.versions[p.Story])
		}
		c.versions[p.Story]++
		if !strings.HasPrefix(string(p.Text), " date ") {
			c.noDate++
		}
		if r.Dateline.Place == "SEOUL" {
			c.seoul++
		}
		words := wordSet(r.Paragraphs)
		if p.Version == 0 {
			c.firstSeen[p.Story] = p.Time
			c.firstBody[p.Story] = words
			c.firstDay[p.Story] = p.Time.Format("2006-01-02")
			if m := dailyCount.FindStringSubmatch(r.Headline); m != nil {
				c.dailyCounts = append(c.dailyCounts, m[1]+m[2]+m[3])
			}
			return nil
		}
		if p.Version == 1 {
			c.closest = append(c.closest, jaccard(c.firstBody[p.Story], words))
		}
		c.updates++
		for _, e := range p.Edits {
			c.kinds[e.Kind]++
		}
		if p.Time.Sub(c.firstSeen[p.Story]) > 18*time.Hour {
			t.Errorf("%s: version %d arrives %s after the first", p.Name, p.Version, p.Time.Sub(c.firstSeen[p.Story]))
		}
		if p.Time.Format("2006-01-02") != c.firstDay[p.Story] && !c.crossed[p.Story] {
			c.crossed[p.Story] = true
			c.crossMidnight++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func wordSet(paras []string) map[string]bool {
	set := map[string]bool{}
	for _, p := range paras {
		for _, w := range strings.Fields(strings.ToLower(p)) {
			set[strings.Trim(w, `.,"'()`)] = true
		}
	}
	return set
}

func jaccard(a, b map[string]bool) float64 {
	inter := 0
	for w := range a {
		if b[w] {
			inter++
		}
	}
	if union := len(a) + len(b) - inter; union > 0 {
		return float64(inter) / float64(union)
	}
	return 0
}

// TestShape checks the corpus is shaped like the wire: versions a story,
// the mix of edits, page sizes, dates, datelines and daily stories.
func TestShape(t *testing.T) {
	c := measure(t, revisiontest.Config{Seed: 5, Revisions: 10000})
	if c.pages != 10000 {
		t.Fatalf("%d pages, want exactly 10000", c.pages)
	}

	stories := len(c.versions)
	mean := float64(c.pages) / float64(stories)
	short, long, most := 0, 0, 0
	for _, n := range c.versions {
		switch {
		case n <= 2:
			short++
		case n >= 5:
			long++
		}
		most = max(most, n)
	}
	t.Logf("%d stories, %.2f versions a story; %.0f%% with 1-2, %.0f%% with 5+, at most %d",
		stories, mean, pct(short, stories), pct(long, stories), most)
	if mean < 3.4 || mean > 3.8 {
		t.Errorf("mean versions a story %.2f, want 3.6 ± 0.2", mean)
	}
	if pct(short, stories) < 30 || pct(long, stories) < 15 || most > 9 {
		t.Errorf("versions a story: %.0f%% with 1-2, %.0f%% with 5+, at most %d", pct(short, stories), pct(long, stories), most)
	}

	var top revisiontest.EditKind
	for k := revisiontest.EditHeadline; k <= revisiontest.EditPhoto; k++ {
		t.Logf("edit %-8s in %4.1f%% of updates", k, pct(c.kinds[k], c.updates))
		if c.kinds[k] > c.kinds[top] {
			top = k
		}
		if c.kinds[k] == 0 {
			t.Errorf("no %s edits", k)
		}
	}
	if top != revisiontest.EditAdd {
		t.Errorf("commonest edit is %s, want add", top)
	}
	if h := pct(c.kinds[revisiontest.EditHeadline], c.updates); h < 20 || h > 45 {
		t.Errorf("headline reworded in %.0f%% of updates, want about 30%%", h)
	}

	slices.Sort(c.sizes)
	sum := 0
	for _, n := range c.sizes {
		sum += n
	}
	p5, p95 := c.sizes[len(c.sizes)/20], c.sizes[len(c.sizes)*19/20]
	t.Logf("page size mean %d B, 5th percentile %d B, 95th %d B", sum/len(c.sizes), p5, p95)
	if avg := sum / len(c.sizes); avg < 1500 || avg > 4000 || p5 < 1200 || p95 > 4500 {
		t.Errorf("page sizes: mean %d, 5th percentile %d, 95th %d; want about 1.5-4 KB", avg, p5, p95)
	}

	noDate, seoul := pct(c.noDate, c.pages), pct(c.seoul, c.pages)
	t.Logf("%.1f%% without the date line, %.0f%% datelined SEOUL, %d stories updated after midnight", noDate, seoul, c.crossMidnight)
	if noDate < 30 || noDate > 36.7 {
		t.Errorf("%.1f%% of pages lack the date line, want 33%%", noDate)
	}
	if seoul < 70 || seoul > 97 {
		t.Errorf("%.0f%% of datelines are SEOUL, want most but not all", seoul)
	}
	if c.crossMidnight == 0 || pct(c.crossMidnight, stories) > 15 {
		t.Errorf("%d stories updated after midnight, want some", c.crossMidnight)
	}

	checkDailyCounts(t, c)
	checkHardNegatives(t, c)
}

func pct(n, of int) float64 { return 100 * float64(n) / float64(max(of, 1)) }

// checkDailyCounts: the daily virus count recurs every day with a new
// figure, as a new story each day.
func checkDailyCounts(t *testing.T, c *corpusStats) {
	days := map[string]bool{}
	for _, d := range c.firstDay {
		days[d] = true
	}
	if len(c.dailyCounts) < len(days)-1 {
		t.Errorf("%d daily virus counts over %d days", len(c.dailyCounts), len(days))
	}
	for i := 1; i < len(c.dailyCounts); i++ {
		if c.dailyCounts[i] == c.dailyCounts[i-1] {
			t.Errorf("daily count %s repeats on consecutive days", c.dailyCounts[i])
		}
	}
}

// checkHardNegatives: stories of one day share many words, yet a story's
// next version is closer to it than any other story of its day.
func checkHardNegatives(t *testing.T, c *corpusStats) {
	byDay := map[string][]int{}
	for s, d := range c.firstDay {
		byDay[d] = append(byDay[d], s)
	}
	var best []float64
	for _, ids := range byDay {
		slices.Sort(ids)
		for i, a := range ids[:min(len(ids), 60)] {
			top := 0.0
			for _, b := range ids[:min(len(ids), 60)] {
				if b != ids[i] {
					top = max(top, jaccard(c.firstBody[a], c.firstBody[b]))
				}
			}
			best = append(best, top)
		}
	}
	slices.Sort(best)
	slices.Sort(c.closest)
	medBest, medOwn := best[len(best)/2], c.closest[len(c.closest)/2]
	t.Logf("word overlap with the closest other story of the day: median %.2f; with its own LEAD: median %.2f", medBest, medOwn)
	if medBest < 0.3 {
		t.Errorf("same-day stories share too few words (median best overlap %.2f): no hard negatives", medBest)
	}
	if medOwn <= medBest {
		t.Errorf("a story's LEAD (%.2f) is no closer than other stories (%.2f)", medOwn, medBest)
	}
}
