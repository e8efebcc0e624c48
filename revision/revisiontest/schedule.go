package revisiontest

import (
	"container/heap"
	"math/rand/v2"
	"strconv"
	"time"
)

// versionWeights is the distribution of versions per story, 1 to 9: many
// stories are sent once or twice, some get five to eight leads. Its mean
// is 3.64; the last day's stories are cut short to stop at the exact
// revision count, so corpora average about 3.6 versions a story.
var versionWeights = [...]int{21, 18, 15, 13, 11, 9, 6, 4, 3}

// daySeries holds the figures of the daily recurring stories for one day.
type daySeries struct {
	covidPrev, covidNew, covidTotal  int
	covidDeathsNew, covidDeaths      int
	kospiPrev, kospiOpen, kospiClose int // in hundredths of a point
}

// advance moves the series one day on: counts drift, the index walks.
func (d *daySeries) advance(r *rand.Rand) {
	d.covidPrev = d.covidNew
	d.covidNew = d.covidNew * (80 + r.IntN(46)) / 100
	d.covidNew = min(max(d.covidNew, 20+r.IntN(30)), 4000+r.IntN(1000))
	if d.covidNew == d.covidPrev {
		d.covidNew++ // a new day's count reads differently
	}
	d.covidTotal += d.covidNew
	d.covidDeathsNew = r.IntN(2 + d.covidNew/150)
	d.covidDeaths += d.covidDeathsNew
	d.kospiPrev = d.kospiClose
	d.kospiOpen = d.kospiPrev + d.kospiPrev*(r.IntN(121)-60)/10000
	d.kospiClose = d.kospiOpen + d.kospiOpen*(r.IntN(241)-120)/10000
	if d.kospiClose < 150000 || d.kospiClose > 330000 {
		d.kospiClose = 220000 + r.IntN(20000)
	}
}

var firstSeries = daySeries{covidPrev: 38, covidNew: 45, covidTotal: 1261, covidDeaths: 12, kospiPrev: 217517, kospiOpen: 218204, kospiClose: 217541}

// generator schedules stories day by day and sends their versions in
// arrival order through a queue ordered by time.
type generator struct {
	cfg       Config
	r         *rand.Rand
	day       int
	series    daySeries
	nextID    int
	committed int // versions promised to stories started so far
	done      bool
	queue     queue
	free      []*story
	heads     map[string]bool // headlines used today
	buf       []byte
	pageDay   time.Time // the arrival day of the last page
	serial    int       // pages so far on pageDay
	emitted   int
	maxActive int // most stories in flight at once, for tests
}

func newGenerator(cfg Config) *generator {
	return &generator{
		cfg:    cfg,
		r:      rand.New(rand.NewPCG(uint64(cfg.Seed), 0x5eed)),
		series: firstSeries,
		heads:  map[string]bool{},
	}
}

const day = 24 * 60 * 60 // seconds

func (g *generator) run(emit func(Page) error) error {
	if g.cfg.Revisions == 0 {
		return nil
	}
	g.addDay()
	for g.emitted < g.cfg.Revisions {
		if !g.done && (len(g.queue) == 0 || g.queue[0].at >= int64(g.day+1)*day) {
			g.day++
			g.series.advance(g.r)
			g.addDay()
			continue
		}
		s := heap.Pop(&g.queue).(*story)
		if err := emit(g.send(s)); err != nil {
			return err
		}
		g.emitted++
		if s.next < s.versions {
			s.at += gap(s.r)
			heap.Push(&g.queue, s)
		} else {
			g.free = append(g.free, s)
		}
	}
	return nil
}

// addDay starts the day's stories: the daily ones first, then the rest
// by topic weight, until the revision budget is promised.
func (g *generator) addDay() {
	clear(g.heads)
	first := g.cfg.Start.AddDate(0, 0, g.day)
	for i := 0; i < g.cfg.StoriesPerDay && !g.done; i++ {
		var t *topic
		var at int
		if i < len(dailyTopics) {
			t = dailyTopics[i]
			at = t.hour*3600 + 600 + g.r.IntN(2400)
		} else {
			t = pickTopic(g.r.IntN(totalWeight))
			at = storyStart(g.r)
		}
		v := g.versionCount()
		if g.committed+v >= g.cfg.Revisions {
			v, g.done = g.cfg.Revisions-g.committed, true
		}
		g.committed += v
		s := g.newStory()
		s.reset(uint64(g.cfg.Seed), g.nextID, t, first, g.series, v)
		s.at = int64(g.day)*day + int64(at)
		g.nextID++
		heap.Push(&g.queue, s)
	}
	g.maxActive = max(g.maxActive, len(g.queue))
}

func (g *generator) newStory() *story {
	if n := len(g.free); n > 0 {
		s := g.free[n-1]
		g.free = g.free[:n-1]
		return s
	}
	return &story{}
}

func (g *generator) versionCount() int {
	n := g.r.IntN(100)
	for i, w := range versionWeights {
		if n < w {
			return i + 1
		}
		n -= w
	}
	return len(versionWeights)
}

// storyStart draws the second of the day a story is first sent: mostly
// between 6 a.m. and 11 p.m., some at night.
func storyStart(r *rand.Rand) int {
	if r.IntN(100) < 85 {
		return 6*3600 + r.IntN(17*3600)
	}
	return r.IntN(day)
}

// gap draws the time to a story's next lead: ten minutes to five hours,
// most within the hour.
func gap(r *rand.Rand) int64 {
	return 600 + int64(min(r.ExpFloat64()*2700, 4.5*3600))
}

// send builds the story's next version as a page.
func (g *generator) send(s *story) Page {
	v := s.next
	s.next++
	var edits []Edit
	note := ""
	if v == 0 {
		s.build(g.heads)
	} else {
		edits, note = s.update()
	}
	arrived := g.cfg.Start.Add(time.Duration(s.at) * time.Second)
	withDate := s.r.Float64() >= g.cfg.NoDateLine
	g.buf = s.page(g.buf[:0], v, arrived, withDate, note)
	return Page{Name: g.name(s, v, arrived), Text: g.buf, Story: s.id, Version: v, Time: arrived, Edits: edits}
}

// name makes a unique file name shaped like a Yonhap article id: date,
// serial of the day, version code (00 first, 51 LEAD, 52 2nd LD...),
// section, then the page's index in the corpus.
func (g *generator) name(s *story, v int, arrived time.Time) string {
	d := arrived.Truncate(day * time.Second)
	if !d.Equal(g.pageDay) {
		g.pageDay, g.serial = d, 0
	}
	g.serial++
	code := 0
	if v > 0 {
		code = 50 + v
	}
	b := make([]byte, 0, 40)
	b = append(b, "AEN"...)
	b = arrived.AppendFormat(b, "20060102")
	b = appendPadded(b, g.serial%10000, 4)
	b = appendPadded(b, code%100, 2)
	b = append(b, s.topic.group.section...)
	b = append(b, '-')
	b = strconv.AppendInt(b, int64(g.emitted), 10)
	return string(append(b, ".txt"...))
}

func appendPadded(b []byte, n, width int) []byte {
	s := strconv.Itoa(n)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

// queue orders stories by the arrival of their next version, then by id.
type queue []*story

func (q queue) Len() int { return len(q) }
func (q queue) Less(i, j int) bool {
	if q[i].at != q[j].at {
		return q[i].at < q[j].at
	}
	return q[i].id < q[j].id
}
func (q queue) Swap(i, j int) { q[i], q[j] = q[j], q[i] }
func (q *queue) Push(x any)   { *q = append(*q, x.(*story)) }
func (q *queue) Pop() any {
	old := *q
	s := old[len(old)-1]
	old[len(old)-1] = nil
	*q = old[:len(old)-1]
	return s
}
