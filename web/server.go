// Package web is lede's read-only web view for desks: the story list,
// each story's timeline, the diff of any two versions, a JSON API in the
// same shapes as the command line's --json output, and an Atom feed of
// new leads. Pages are rendered on the server with html/template from
// embedded templates and assets, so they work without JavaScript and
// every piece of story text is escaped.
//
// The server never keeps the database open between requests: each one
// opens it read-only, reads and closes it, so that a writer (lede ingest,
// lede watch) gets the file between requests.
package web

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net"
	"net/http"
	"time"

	"lede/store"
)

// Config is what a Server needs from its process.
type Config struct {
	// Open opens the database for reading. The server calls it once per
	// request that reads the database and closes what it returns before
	// the response is written.
	Open func(ctx context.Context) (*store.DB, error)
	// WriterWaiting, when set, reports whether a writer is waiting for
	// the database. New requests then hold back (up to WriterGrace) so
	// that the writer's exclusive lock can be taken between reads.
	WriterWaiting func() bool
	// WriterGrace bounds how long a request holds back for a waiting
	// writer; zero means 200ms.
	WriterGrace time.Duration
	// FillSummaries, when set, computes the update summaries an older
	// database lacks and sets them in the story, as lede history does.
	FillSummaries func(db *store.DB, s store.Story) error
	// DiffBudget bounds the work of one comparison; zero means 2s.
	DiffBudget time.Duration
	// MaxParagraphs and MaxVersionBytes bound the versions the diff
	// pages and the revision API show; a larger one is refused (413)
	// with the command line that shows it. Zero means 5,000 and 2 MiB.
	MaxParagraphs, MaxVersionBytes int
	// MaxDiffs bounds the diff requests served at once (zero: the
	// number of CPUs, at least 2); one more waits up to DiffWait
	// (zero: 2s) and then gets 503.
	MaxDiffs int
	DiffWait time.Duration
	// CLI is how the refusals name the command line ("lede --db
	// PATH"); zero means "lede".
	CLI string
	// Log receives one line per failed request; nil discards them.
	Log *log.Logger
	// Write, when set, runs fn with the database open for writing: the
	// one write the server makes, a desk marking a version as used (POST
	// /s/{id}/mark). Nil keeps the server read-only, without the mark
	// buttons.
	Write func(ctx context.Context, fn func(*store.DB) error) error
	// Now, when set, is the clock of the desk view's windows; nil
	// means time.Now.
	Now func() time.Time
}

// Server serves the web view. Its zero value is not usable: call New.
type Server struct {
	cfg     Config
	handler http.Handler
	pages   *pageSet
	diffs   *diffCache
	// diffSlots holds a token per diff request under way.
	diffSlots chan struct{}
}

// New builds a server from cfg.
func New(cfg Config) (*Server, error) {
	if cfg.Open == nil {
		return nil, errors.New("web: Config.Open is required")
	}
	if cfg.WriterGrace <= 0 {
		cfg.WriterGrace = 200 * time.Millisecond
	}
	if cfg.DiffBudget <= 0 {
		cfg.DiffBudget = 2 * time.Second
	}
	cfg.limits()
	pages, err := loadPages()
	if err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, pages: pages, diffs: newDiffCache(diffCacheSize, diffCacheBytes),
		diffSlots: make(chan struct{}, cfg.MaxDiffs)}
	s.handler = s.routes()
	return s, nil
}

// maxBody is the largest request body accepted. Every route but the
// mark form only reads and reads no body; anything larger is refused
// with 413.
const maxBody = 4 << 10

// ServeHTTP serves one request with the security headers every response
// carries.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "+
		"form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	if r.Method != http.MethodGet && r.Method != http.MethodHead && !s.markRequest(r) {
		// Every other route only reads: answer other methods here, so
		// that an API client gets the JSON error shape like any other
		// failure.
		h.Set("Allow", "GET, HEAD")
		s.fail(w, r, http.StatusMethodNotAllowed, "method "+r.Method+" not allowed: lede serve only reads"+s.marksHint(r))
		return
	}
	if r.ContentLength > maxBody {
		s.fail(w, r, http.StatusRequestEntityTooLarge, "request body too large")
		return
	}
	if r.ContentLength < 0 {
		// A chunked body: no route reads it, so the limit above would
		// never see it. Refuse it rather than let it stream in.
		s.fail(w, r, http.StatusLengthRequired, "a request body needs a Content-Length (and no route reads one)")
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxBody)
	s.handler.ServeHTTP(w, r)
}

func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	// GET patterns also answer HEAD; ServeHTTP answers any other method.
	mux.HandleFunc("GET /{$}", s.listPage)
	mux.HandleFunc("GET /s/{id}", s.storyPage)
	mux.HandleFunc("GET /s/{id}/diff", s.gated(s.diffPage))
	mux.HandleFunc("GET /s/{id}/latest", s.latestPage)
	mux.HandleFunc("POST /s/{id}/mark", s.markPost)
	mux.HandleFunc("GET /r/{ref}", s.revPage)
	mux.HandleFunc("GET /api/stories", s.apiStories)
	mux.HandleFunc("GET /api/stories/{id}", s.apiStory)
	mux.HandleFunc("GET /api/stories/{id}/revisions/{n}", s.apiRevision)
	mux.HandleFunc("GET /api/stories/{id}/diff", s.gated(s.apiDiff))
	mux.HandleFunc("GET /api/revisions/{ref}", s.apiRevision)
	mux.HandleFunc("GET /feed.atom", s.feed)
	mux.HandleFunc("GET /s/{id}/feed.atom", s.storyFeed)
	mux.HandleFunc("GET /static/{name}", serveStatic)
	mux.HandleFunc("GET /", func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, r, http.StatusNotFound, "no such page")
	})
	return mux
}

// Limits of the HTTP server: slow or oversized clients are cut off
// rather than holding connections open.
const (
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 10 * time.Second
	writeTimeout      = 30 * time.Second
	idleTimeout       = 60 * time.Second
	maxHeaderBytes    = 16 << 10
	shutdownGrace     = 5 * time.Second
)

// Serve answers requests on ln until ctx ends, then stops accepting and
// lets requests under way finish (for up to 5s). It returns nil after a
// clean shutdown.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    maxHeaderBytes,
		ErrorLog:          s.cfg.Log,
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return fmt.Errorf("serving: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutting down: %w", err)
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// logProblem notes a stored record a read got past (see store.Problem):
// the page is served without it, the log says which to repair.
func (s *Server) logProblem(p store.Problem) {
	s.logf("stored record not read as stored: %v (lede check --fix repairs dates)", p)
}

func (s *Server) logf(format string, args ...any) {
	if s.cfg.Log != nil {
		s.cfg.Log.Printf(format, args...)
	}
}
