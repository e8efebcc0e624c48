package web

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"lede/diff"
	"lede/revision"
	"lede/revision/wire"
	"lede/store"
)

// Paging of story lists. maxPage keeps a page's offset far from
// overflowing (page 9223372036854775807 would wrap round to page 1).
const (
	defaultPerPage = 50
	maxPerPage     = 500
	maxPage        = 1_000_000_000
)

// listQuery is a story list request: ?q=words&since=YYYY-MM-DD&page=N
// (and &limit=N in the API), and the filters &agency=AP (a story with a
// version from that agency) and &status=killed|corrected|usable (the
// story's latest word).
type listQuery struct {
	Q      string
	Since  string
	Agency string
	Status string
	Page   int
	Limit  int
}

// listStatuses are the values of ?status=, as the list's filter offers them.
var listStatuses = []store.StoryStatus{store.StoryKilled, store.StoryCorrected, store.StoryUsable}

// parseListQuery checks the list parameters; a malformed one is a 400.
func parseListQuery(v url.Values) (listQuery, store.ListOptions, error) {
	q := listQuery{Q: strings.TrimSpace(v.Get("q")), Since: v.Get("since"), Page: 1, Limit: defaultPerPage,
		Agency: strings.TrimSpace(v.Get("agency")), Status: strings.ToLower(strings.TrimSpace(v.Get("status")))}
	opt := store.ListOptions{Agency: q.Agency, Status: store.StoryStatus(q.Status)}
	if q.Status != "" && !slices.Contains(listStatuses, opt.Status) {
		return q, opt, badRequest("status=%q: want killed, corrected or usable", q.Status)
	}
	if p := v.Get("page"); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil || n < 1 || n > maxPage {
			return q, opt, badRequest("page=%q: want a page number from 1 to %d", p, maxPage)
		}
		q.Page = n
	}
	if l := v.Get("limit"); l != "" {
		n, err := strconv.Atoi(l)
		if err != nil || n < 1 || n > maxPerPage {
			return q, opt, badRequest("limit=%q: want a number from 1 to %d", l, maxPerPage)
		}
		q.Limit = n
	}
	if q.Since != "" {
		t, err := time.Parse(time.DateOnly, q.Since)
		if err != nil {
			return q, opt, badRequest("since=%q: want a date such as 2020-02-01", q.Since)
		}
		opt.Since = revision.Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
	}
	if q.Q != "" {
		store.TextSearch(q.Q, reparse, &opt)
	}
	// One story more than a page tells whether there is a next page.
	opt.Offset = (q.Page - 1) * q.Limit
	opt.Limit = q.Limit + 1
	return q, opt, nil
}

// reparse parses a stored version again for a text search.
func reparse(source string, raw []byte) (*revision.Revision, error) {
	return wire.Reparse(source, source, raw)
}

// storyPage is one page of a story list and whether another follows.
type storyPage struct {
	Query   listQuery
	Stories []store.Story
	More    bool
}

// listStories reads the page of stories a list request asks for.
func (s *Server) listStories(r *http.Request) (storyPage, error) {
	q, opt, err := parseListQuery(r.URL.Query())
	if err != nil {
		return storyPage{}, err
	}
	var list []store.Story
	opt.Warn = s.logProblem
	err = s.view(r.Context(), func(db *store.DB) error {
		list = nil // a page at most: from the listing records, not every version's record
		return db.EachStory(opt, func(st store.Story) error {
			list = append(list, st)
			return nil
		})
	})
	if err != nil {
		return storyPage{}, err
	}
	if len(list) == 0 && q.Page > 1 {
		return storyPage{}, &httpError{status: http.StatusNotFound,
			msg: fmt.Sprintf("no page %d: the list ends before it", q.Page)}
	}
	p := storyPage{Query: q, Stories: list}
	if len(list) > q.Limit {
		p.Stories, p.More = list[:q.Limit], true
	}
	if p.Stories == nil {
		p.Stories = []store.Story{}
	}
	return p, nil
}

// pageURL is the list URL of another page of the same query.
func (p storyPage) pageURL(path string, page int) string {
	v := url.Values{}
	if p.Query.Q != "" {
		v.Set("q", p.Query.Q)
	}
	if p.Query.Since != "" {
		v.Set("since", p.Query.Since)
	}
	if p.Query.Agency != "" {
		v.Set("agency", p.Query.Agency)
	}
	if p.Query.Status != "" {
		v.Set("status", p.Query.Status)
	}
	if p.Query.Limit != defaultPerPage {
		v.Set("limit", strconv.Itoa(p.Query.Limit))
	}
	if page > 1 {
		v.Set("page", strconv.Itoa(page))
	}
	if len(v) == 0 {
		return path
	}
	return path + "?" + v.Encode()
}

// apiStories is GET /api/stories: the array "lede stories --json"
// prints, one page of it; a Link header names the next and previous
// pages.
func (s *Server) apiStories(w http.ResponseWriter, r *http.Request) {
	p, err := s.listStories(r)
	if err != nil {
		s.failWith(w, r, err)
		return
	}
	var links []string
	if p.More {
		links = append(links, fmt.Sprintf(`<%s>; rel="next"`, p.pageURL(r.URL.Path, p.Query.Page+1)))
	}
	if p.Query.Page > 1 {
		links = append(links, fmt.Sprintf(`<%s>; rel="prev"`, p.pageURL(r.URL.Path, p.Query.Page-1)))
	}
	if len(links) > 0 {
		w.Header().Set("Link", strings.Join(links, ", "))
	}
	s.sendJSON(w, r, p.Stories)
}

// apiStory is GET /api/stories/{id}: the object "lede history --json"
// prints.
func (s *Server) apiStory(w http.ResponseWriter, r *http.Request) {
	st, err := s.story(r)
	if err != nil {
		s.failWith(w, r, err)
		return
	}
	s.sendJSON(w, r, st.Detail())
}

// apiRevision is GET /api/stories/{id}/revisions/{n}, {n} a version
// number or a ref, and GET /api/revisions/{ref}: the object "lede show
// --json" prints.
func (s *Server) apiRevision(w http.ResponseWriter, r *http.Request) {
	var n store.Pick
	var err error
	if ref := r.PathValue("ref"); ref != "" {
		a, ok := store.ParseRef(ref)
		if !ok {
			err = badRequest("%q is not a version's ref (such as r12)", ref)
		}
		n.Arrival = a
	} else {
		n, err = versionParam("revision", r.PathValue("n"))
	}
	if err != nil {
		s.failWith(w, r, err)
		return
	}
	var raw rawRevision
	err = s.view(r.Context(), func(db *store.DB) (err error) {
		raw, err = readRaw(db, r.PathValue("id"), n)
		return err
	})
	rev, err := s.showable(raw, err)
	if err != nil {
		s.failWith(w, r, err)
		return
	}
	s.sendJSON(w, r, rev)
}

// apiDiff is GET /api/stories/{id}/diff?from=A&to=B: the object "lede
// diff --format json STORY@A STORY@B" prints.
func (s *Server) apiDiff(w http.ResponseWriter, r *http.Request) {
	res, _, err := s.compare(r)
	if err != nil {
		s.failWith(w, r, err)
		return
	}
	s.sendJSON(w, r, res.JSON())
}

// compare diffs the two versions a diff request names, as lede diff
// STORY@A STORY@B does.
func (s *Server) compare(r *http.Request) (*diff.Result, pair, error) {
	q := r.URL.Query()
	p, err := s.diffPair(r.Context(), r.PathValue("id"), q.Get("from"), q.Get("to"))
	if err != nil {
		return nil, p, err
	}
	if err := s.checkSize("diff "+p.from.Ref+" "+p.to.Ref, p.raws[:]...); err != nil {
		return nil, p, err
	}
	// A version made whole of several items (parts joined, a partial
	// rebuilt) changes when an item arrives late: only comparisons of
	// versions of one whole item each are kept.
	cacheable := p.raws[0].version.Whole == nil && p.raws[1].version.Whole == nil
	var res *diff.Result
	if cacheable {
		res = s.diffs.get(p.key())
	}
	if res == nil {
		if err := p.parse(); err != nil {
			return nil, p, err
		}
		start := time.Now()
		res = diff.Compare(p.from.Revision, p.to.Revision, diff.Options{Budget: s.cfg.DiffBudget})
		if cacheable && time.Since(start) < s.cfg.DiffBudget {
			// A comparison cut short by its budget (a busy machine) is
			// not kept: the next request may do better.
			s.diffs.put(p.key(), res)
		}
	}
	res.From = fmt.Sprintf("%s@%d", p.from.Story, p.from.Rev)
	res.To = fmt.Sprintf("%s@%d", p.to.Story, p.to.Rev)
	res.FromRef, res.ToRef = p.from.Ref, p.to.Ref
	res.Story = p.to.Story
	return res, p, nil
}
