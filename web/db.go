package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"lede/revision"
	"lede/revision/wire"
	"lede/store"
)

// httpError is a failure with the status code it is answered with.
type httpError struct {
	status int
	msg    string
}

func (e *httpError) Error() string { return e.msg }

func badRequest(format string, args ...any) error {
	return &httpError{status: http.StatusBadRequest, msg: fmt.Sprintf(format, args...)}
}

// view runs fn with the database open for reading and closes it before
// returning, so the file is held only for the reads of one request. It
// first holds back while a writer waits, so a steady stream of requests
// cannot starve lede ingest of the file.
func (s *Server) view(ctx context.Context, fn func(*store.DB) error) error {
	if s.cfg.WriterWaiting != nil {
		deadline := time.Now().Add(s.cfg.WriterGrace)
		for s.cfg.WriterWaiting() && time.Now().Before(deadline) {
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(10 * time.Millisecond):
			}
		}
	}
	db, err := s.cfg.Open(ctx)
	if err != nil {
		return &httpError{status: http.StatusServiceUnavailable, msg: "database unavailable: " + err.Error()}
	}
	defer db.Close()
	return storeError(fn(db))
}

// storeError gives a store failure its status: a story that is not there
// (or a prefix naming several) is 404.
func storeError(err error) error {
	if errors.Is(err, store.ErrBadRef) {
		return &httpError{status: http.StatusNotFound,
			msg: "not found: " + strings.TrimPrefix(err.Error(), store.ErrBadRef.Error()+": ")}
	}
	return err
}

// story reads the story a request names by its {id}, with every update
// summary in place.
func (s *Server) story(r *http.Request) (store.Story, error) {
	var st store.Story
	err := s.view(r.Context(), func(db *store.DB) (err error) {
		if st, err = db.Story(r.PathValue("id")); err != nil {
			return err
		}
		for _, p := range st.Problems {
			s.logProblem(p)
		}
		if s.cfg.FillSummaries != nil {
			err = s.cfg.FillSummaries(db, st)
		}
		return err
	})
	return st, err
}

// versionParam reads a version from a query or path parameter: its
// place in story order (a whole number from 1) or its ref ("r17"), which
// links use because a late version does not move it.
func versionParam(name, v string) (store.Pick, error) {
	if a, ok := store.ParseRef(v); ok {
		return store.Pick{Arrival: a}, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		return store.Pick{}, badRequest("%s=%q: want a version number from 1 or a ref such as r12", name, v)
	}
	return store.Pick{N: n}, nil
}

// pair is the two versions a diff compares, as stored; they are parsed
// again only when the comparison is not cached.
type pair struct {
	story    store.Story
	raws     [2]rawRevision
	from, to store.StoredRevision // Revision is nil until parsed
}

// key names the comparison by the two revisions' arrival numbers.
func (p pair) key() [2]uint64 {
	return [2]uint64{p.raws[0].version.Record.Arrival, p.raws[1].version.Record.Arrival}
}

// parse parses both versions again from their stored input.
func (p *pair) parse() error {
	var err error
	if p.from, err = p.raws[0].parse(); err != nil {
		return err
	}
	p.to, err = p.raws[1].parse()
	return err
}

// diffPair reads the versions from and to of story id; from and to are
// the query's values (numbers or refs), "" for the default: the latest
// version against the one before it, or the one before to. The database
// is closed before the versions are parsed.
func (s *Server) diffPair(ctx context.Context, id, fromArg, toArg string) (pair, error) {
	var from, to store.Pick
	var err error
	if toArg != "" {
		if to, err = versionParam("to", toArg); err != nil {
			return pair{}, err
		}
	}
	if fromArg != "" {
		if from, err = versionParam("from", fromArg); err != nil {
			return pair{}, err
		}
	}
	var p pair
	err = s.view(ctx, func(db *store.DB) error {
		if fromArg == "" {
			// The default is the version before to in story order.
			st, v, err := db.Locate(id, to)
			if err != nil {
				return err
			}
			if v.Rev == 1 {
				if len(st.Versions) == 1 {
					return badRequest("story %s has one version: nothing to compare it with", st.ID)
				}
				return badRequest("version 1 is the story's first: nothing before it")
			}
			from, to = store.Pick{N: v.Rev - 1}, store.Pick{Arrival: v.Record.Arrival}
		}
		st, vers, rs, err := db.Revisions(id, from, to)
		if err != nil {
			return err
		}
		if vers[0].Ref == vers[1].Ref {
			return badRequest("from and to are both @%d (%s): pick two different versions", vers[0].Rev, vers[0].Ref)
		}
		p.story = st
		for i := range p.raws {
			p.raws[i] = rawRevision{story: st.ID, version: vers[i], raw: rs[i]}
		}
		return nil
	})
	p.from = p.raws[0].stored(nil)
	p.to = p.raws[1].stored(nil)
	return p, err
}

// rawRevision is a stored version as received, read from the database
// to be parsed once it is closed.
type rawRevision struct {
	story   string
	version store.Version
	raw     []byte
}

// readRaw reads the version of story id that p names, as received.
func readRaw(db *store.DB, id string, p store.Pick) (rawRevision, error) {
	st, v, raw, err := db.RevisionAt(id, p)
	return rawRevision{story: st.ID, version: v, raw: raw}, err
}

// parse parses the version again, as lede show --json does.
func (r rawRevision) parse() (store.StoredRevision, error) {
	v := r.version
	w, err := wire.ReparseVersion(fmt.Sprintf("%s@%d", r.story, v.Rev), v.Source, r.raw, v.Whole)
	if err != nil {
		return store.StoredRevision{}, err
	}
	out := r.stored(w.Rev)
	out.Assembly = w.Assembly
	return out, nil
}

// stored is the version as the API shows it, with rev its parse.
func (r rawRevision) stored(rev *revision.Revision) store.StoredRevision {
	return store.StoredRevision{Story: r.story, Rev: r.version.Rev, Ref: r.version.Ref, Revision: rev}
}

// showable parses raw, read with err, unless reading failed or it is too
// large to show here (checkSize): what a page or the API showing one
// version needs.
func (s *Server) showable(raw rawRevision, err error) (store.StoredRevision, error) {
	if err == nil {
		err = s.checkSize("show "+raw.version.Ref, raw)
	}
	if err != nil {
		return store.StoredRevision{}, err
	}
	return raw.parse()
}
