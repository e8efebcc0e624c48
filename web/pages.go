package web

import (
	"cmp"
	"embed"
	"fmt"
	"html/template"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"lede/diff"
	"lede/revision"
	"lede/store"
)

//go:embed templates/*.html
var templateFS embed.FS

// pageSet holds the parsed page templates, one per page, each with the
// shared layout.
type pageSet struct {
	pages map[string]*template.Template
}

// pageNames are the pages; each is templates/NAME.html on top of
// templates/layout.html.
var pageNames = []string{"list", "desk", "story", "diff", "version", "error"}

func loadPages() (*pageSet, error) {
	ps := &pageSet{pages: map[string]*template.Template{}}
	for _, name := range pageNames {
		t, err := diff.HTMLTemplates(template.New("layout.html").Funcs(funcs))
		if err == nil {
			t, err = t.ParseFS(templateFS, "templates/layout.html", "templates/"+name+".html")
		}
		if err != nil {
			return nil, fmt.Errorf("web: template %s: %w", name, err)
		}
		ps.pages[name] = t
	}
	return ps, nil
}

func (ps *pageSet) render(w io.Writer, name string, data any) error {
	return ps.pages[name].Execute(w, data)
}

// funcs are the helpers templates use; none of them returns markup, so
// html/template escapes everything they give.
var funcs = template.FuncMap{
	"when":   when,
	"orDash": func(s string) string { return cmp.Or(s, "–") },
	// A page saved without its headline (web chrome instead) is a story
	// too; it must still be a link one can see and click.
	"headline":      func(s string) string { return cmp.Or(s, "(no headline)") },
	"path":          url.PathEscape,
	"static":        func(name string) string { return "/static/" + name + "?v=" + staticVersion(name) },
	"storyBadge":    storyBadge,
	"versionBadges": versionBadges,
	"itemName":      itemName,
	"statuses":      func() []store.StoryStatus { return listStatuses },
	"inc":           func(i int) int { return i + 1 },
	"datelineSplit": datelineSplit,
	"flags":         updateFlags,
	"clock":         func(unix int64) string { return time.Unix(unix, 0).Format("15:04") },
	"stamp":         func(unix int64) string { return time.Unix(unix, 0).Format("2006-01-02 15:04") },
	"has":           func(list []string, s string) bool { return slices.Contains(list, s) },
	"deskFlags":     func() []string { return deskFlags },
	"upper":         strings.ToUpper,
	"list":          func(n ...int) []int { return n },
	"div":           func(a, b int) int { return a / b },
}

// datelineSplit splits a version's first paragraph into its dateline
// ("SEOUL, Dec. 30 (Yonhap) -- ") and the lead's own words, so the
// reading page can set the dateline apart; the dateline is "" when the
// paragraph does not open with it.
func datelineSplit(rev *revision.Revision, p string) [2]string {
	if d := rev.Dateline.Text; d != "" && strings.HasPrefix(p, d) {
		return [2]string{d, p[len(d):]}
	}
	return [2]string{"", p}
}

// listData is the story list page.
type listData struct {
	storyPage
	Prev, Next string
}

// listPage is GET /: stories, the most recently updated first, with a
// search form and paging.
func (s *Server) listPage(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Has("within") {
		s.deskPage(w, r)
		return
	}
	p, err := s.listStories(r)
	if err != nil {
		s.failWith(w, r, err)
		return
	}
	d := listData{storyPage: p}
	if p.More {
		d.Next = p.pageURL("/", p.Query.Page+1)
	}
	if p.Query.Page > 1 {
		d.Prev = p.pageURL("/", p.Query.Page-1)
	}
	s.sendPage(w, r, "list", d)
}

// storyData is the timeline page.
type storyData struct {
	Story store.Story
	// From and To are the refs of the versions the compare form picks at
	// first: the latest update.
	From, To string
	// Refresh is the page's meta refresh in seconds: off unless the
	// request asks for it (?refresh=N), as a desk view refreshes.
	Refresh int
	// Gaps are how long after the one before each version went out
	// (store.Gaps), shown beside its time as history shows it.
	Gaps []string
	Marks
}

// storyPage is GET /s/{id}: every version with its marker, time, note,
// note check and change badges, and a form to compare any two.
func (s *Server) storyPage(w http.ResponseWriter, r *http.Request) {
	st, err := s.story(r)
	if err != nil {
		s.failWith(w, r, err)
		return
	}
	refresh, err := refreshParam(r.URL.Query(), 0)
	if err != nil {
		s.failWith(w, r, err)
		return
	}
	n := len(st.Versions)
	s.sendPage(w, r, "story", storyData{Story: st, From: st.Versions[max(n-2, 0)].Ref, To: st.Versions[n-1].Ref, Refresh: refresh,
		Gaps: store.Gaps(st.Versions), Marks: s.marksOf(st)})
}

// diffData is the diff page.
type diffData struct {
	Result   *diff.Result
	Story    store.Story
	From, To int // the versions' places in story order
	// FromRef and ToRef name them in links, which a late version must
	// not make name others.
	FromRef, ToRef string
	Side           bool   // side by side rather than inline
	Inline         string // URLs of the two views
	SideURL        string
	Rows           []sideRow
	Headline       string
	// ToVersion is the newer version as stored: its badges (KILLED,
	// CORRECTED...) and agency and id head the page.
	ToVersion store.Version
	// Earlier and Later link the updates before and after this one,
	// when it compares a version with the one before it.
	Earlier, Later string
}

// diffPage is GET /s/{id}/diff?from=A&to=B[&view=side]: the comparison,
// inline (the default) or side by side.
func (s *Server) diffPage(w http.ResponseWriter, r *http.Request) {
	view := r.URL.Query().Get("view")
	if view != "" && view != "inline" && view != "side" {
		s.failWith(w, r, badRequest("view=%q: want inline or side", view))
		return
	}
	res, p, err := s.compare(r)
	if err != nil {
		s.failWith(w, r, err)
		return
	}
	d := diffData{Result: res, Story: p.story, From: p.from.Rev, To: p.to.Rev, FromRef: p.from.Ref, ToRef: p.to.Ref,
		Side: view == "side", Headline: cmp.Or(res.Headline.New, p.story.Headline), ToVersion: p.raws[1].version}
	base := diffURL(p.story.ID, d.FromRef, d.ToRef)
	d.Inline, d.SideURL = base, base+"&view=side"
	if d.Side {
		d.Rows = sideRows(res.Paragraphs)
	}
	if d.To == d.From+1 {
		// The update that version to (a place) made.
		link := func(to int) string {
			vs := p.story.Versions
			u := diffURL(p.story.ID, vs[to-2].Ref, vs[to-1].Ref)
			if d.Side {
				u += "&view=side"
			}
			return u
		}
		if d.From > 1 {
			d.Earlier = link(d.From)
		}
		if d.To < len(p.story.Versions) {
			d.Later = link(d.To + 1)
		}
	}
	s.sendPage(w, r, "diff", d)
}

// diffURL is the diff page of two versions of a story, named by their
// refs so that the link keeps naming them after a late version.
func diffURL(story, fromRef, toRef string) string {
	return "/s/" + url.PathEscape(story) + "/diff?from=" + fromRef + "&to=" + toRef
}

// sideRow is one row of the side-by-side view: the old paragraph on the
// left (deleted words marked), the new one on the right (inserted words
// marked); a side is empty where the paragraph does not exist.
type sideRow struct {
	Op       diff.Op
	Old, New *int
	Left     []diff.Word
	Right    []diff.Word
	Cut      bool
	CutNote  string // why a Cut row is not counted (diff.CutNote)
	Moved    bool
}

// sideRows splits each paragraph entry into its old and new sides.
func sideRows(ps []diff.Para) []sideRow {
	rows := make([]sideRow, 0, len(ps))
	for _, p := range ps {
		row := sideRow{Op: p.Op, Old: p.Old, New: p.New, Cut: p.Cut, Moved: p.Op == diff.OpMove}
		if p.Cut {
			row.CutNote = diff.CutNote(p)
		}
		if p.Words != nil {
			for _, w := range p.Words {
				side := w.Op
				if w.Cut {
					// The rest of a paragraph the other page was cut off
					// inside: this page's own text, not a change.
					w = diff.Word{Op: diff.OpEqual, Text: w.Text}
				}
				if side != diff.OpInsert {
					row.Left = append(row.Left, w)
				}
				if side != diff.OpDelete {
					row.Right = append(row.Right, w)
				}
			}
		} else {
			// A paragraph added or deleted whole is marked as such; one
			// kept or moved as it was is plain on both sides.
			if p.Old != nil {
				row.Left = []diff.Word{{Op: wholeOp(p, diff.OpDelete), Text: p.Text}}
			}
			if p.New != nil {
				row.Right = []diff.Word{{Op: wholeOp(p, diff.OpInsert), Text: p.Text}}
			}
		}
		rows = append(rows, row)
	}
	return rows
}

// wholeOp is how a paragraph without word changes shows on one side:
// op when the whole paragraph was added or deleted (and not merely cut
// off), else unmarked.
func wholeOp(p diff.Para, op diff.Op) diff.Op {
	if p.Op == op && !p.Cut {
		return op
	}
	return diff.OpEqual
}
