package web

import (
	"context"
	"fmt"
	"net/http"
	"runtime"
	"time"
)

// Defaults of the bounds on the work one request may make: far above any
// real story (a long wire story has a hundred paragraphs and 50 KB), far
// below what a few clients on a pathological one (100,000 paragraphs)
// would need in memory and time.
const (
	defaultMaxParagraphs   = 5000
	defaultMaxVersionBytes = 2 << 20
	defaultDiffWait        = 2 * time.Second
)

// limits fills in the bounds cfg leaves at zero.
func (cfg *Config) limits() {
	if cfg.MaxParagraphs <= 0 {
		cfg.MaxParagraphs = defaultMaxParagraphs
	}
	if cfg.MaxVersionBytes <= 0 {
		cfg.MaxVersionBytes = defaultMaxVersionBytes
	}
	if cfg.MaxDiffs <= 0 {
		// A comparison keeps one core busy: more at once than there are
		// cores only adds memory and latency.
		cfg.MaxDiffs = max(2, runtime.GOMAXPROCS(0))
	}
	if cfg.DiffWait <= 0 {
		cfg.DiffWait = defaultDiffWait
	}
	if cfg.CLI == "" {
		cfg.CLI = "lede"
	}
}

// checkSize refuses, before they are parsed, versions larger than the
// server shows: such a version is served by the command line, which
// streams to one reader, not the web view, which builds the page whole
// for every client. cmd is what shows them there ("diff r16 r17"). Both
// name versions by ref, which a late version cannot move, so the command
// copied from the page still shows what the page refused; the @N beside
// the ref is for the reader.
func (s *Server) checkSize(cmd string, vs ...rawRevision) error {
	for _, v := range vs {
		what := ""
		switch n := v.version.Record.Paras; {
		case n > s.cfg.MaxParagraphs:
			what = fmt.Sprintf("%d paragraphs (the limit here is %d)", n, s.cfg.MaxParagraphs)
		case len(v.raw) > s.cfg.MaxVersionBytes:
			what = fmt.Sprintf("%d KiB (the limit here is %d KiB)", len(v.raw)>>10, s.cfg.MaxVersionBytes>>10)
		default:
			continue
		}
		return &httpError{status: http.StatusRequestEntityTooLarge,
			msg: fmt.Sprintf("too large to show here: %s (%s@%d) has %s; use the CLI: %s %s", v.version.Ref, v.story, v.version.Rev, what, s.cfg.CLI, cmd)}
	}
	return nil
}

// gated lets h run only while it holds one of MaxDiffs slots, so that a
// crowd of clients on expensive pages cannot take all the memory and
// cores. A request waits up to DiffWait for a slot, then gets 503 with
// Retry-After.
func (s *Server) gated(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		release, err := s.enterDiff(r.Context())
		if err != nil {
			s.failWith(w, r, err)
			return
		}
		defer release()
		h(w, r)
	}
}

// enterDiff takes a slot for a comparison, waiting at most DiffWait.
func (s *Server) enterDiff(ctx context.Context) (release func(), err error) {
	release = func() { <-s.diffSlots }
	select {
	case s.diffSlots <- struct{}{}:
		return release, nil
	default:
	}
	t := time.NewTimer(s.cfg.DiffWait)
	defer t.Stop()
	select {
	case s.diffSlots <- struct{}{}:
		return release, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	case <-t.C:
		return nil, &httpError{status: http.StatusServiceUnavailable,
			msg: fmt.Sprintf("busy: %d comparisons are under way; retry in a moment", cap(s.diffSlots))}
	}
}
