package web

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"strings"

	"lede/revision"
)

// Content types of the responses.
const (
	typeHTML = "text/html; charset=utf-8"
	typeJSON = "application/json; charset=utf-8"
	typeAtom = "application/atom+xml; charset=utf-8"
	typeText = "text/plain; charset=utf-8"
)

// etagOf is a strong validator: a hash of the exact bytes served, so it
// changes exactly when the response does, whatever changed the database.
func etagOf(body []byte) string {
	sum := sha256.Sum256(body)
	return `"` + base64.RawURLEncoding.EncodeToString(sum[:18]) + `"`
}

// send writes a complete response with its ETag, or 304 Not Modified
// when the client's If-None-Match already names it. Responses must be
// revalidated before reuse: the database changes under them.
//
// Control characters in story text are escaped (see
// revision.EscapeControls) in every response: a bidirectional override
// shown raw reorders the page around it, ESC and the other C0 controls
// are not allowed in HTML or XML (a feed reader refuses the whole feed),
// and in JSON the escape is the same string.
func send(w http.ResponseWriter, r *http.Request, ctype string, body []byte) {
	body = revision.EscapeControls(body)
	tag := etagOf(body)
	h := w.Header()
	h.Set("ETag", tag)
	h.Set("Cache-Control", "no-cache")
	if matchesETag(r.Header.Get("If-None-Match"), tag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h.Set("Content-Type", ctype)
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	w.Write(body)
}

// matchesETag implements If-None-Match's weak comparison (RFC 9110
// 13.1.2): "*" or any listed tag equal to tag, ignoring a W/ prefix.
func matchesETag(header, tag string) bool {
	for part := range strings.SplitSeq(header, ",") {
		part = strings.TrimSpace(part)
		if part == "*" || strings.TrimPrefix(part, "W/") == tag {
			return true
		}
	}
	return false
}

// sendJSON encodes v as the command line's --json does (2-space indent,
// final newline) and sends it.
func (s *Server) sendJSON(w http.ResponseWriter, r *http.Request, v any) {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		s.failWith(w, r, err)
		return
	}
	send(w, r, typeJSON, append(b, '\n'))
}

// sendPage renders the named page template and sends it.
func (s *Server) sendPage(w http.ResponseWriter, r *http.Request, name string, data any) {
	var buf bytes.Buffer
	if err := s.pages.render(&buf, name, data); err != nil {
		s.failWith(w, r, err)
		return
	}
	send(w, r, typeHTML, buf.Bytes())
}

// failWith answers a request that failed with err: its status if it has
// one, 400 for a body that is too large, else 500 (logged, not shown).
func (s *Server) failWith(w http.ResponseWriter, r *http.Request, err error) {
	var he *httpError
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &he):
		if he.status >= 500 {
			s.logf("%s %s: %v", r.Method, r.URL.RequestURI(), err)
			w.Header().Set("Retry-After", "1")
		}
		s.fail(w, r, he.status, he.msg)
	case errors.As(err, &tooBig):
		s.fail(w, r, http.StatusRequestEntityTooLarge, "request body too large")
	case errors.Is(err, context.Canceled):
		// The client went away; nobody reads an answer.
	default:
		s.logf("%s %s: %v", r.Method, r.URL.RequestURI(), err)
		s.fail(w, r, http.StatusInternalServerError, "internal error (see the server's log)")
	}
}

// apiError is the body of a failed API request.
type apiError struct {
	Status int    `json:"status"`
	Error  string `json:"error"`
}

// fail answers with status and a message: JSON under /api/, else a page.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, status int, msg string) {
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	if strings.HasPrefix(r.URL.Path, "/api/") {
		b, _ := json.MarshalIndent(apiError{Status: status, Error: msg}, "", "  ")
		h.Set("Content-Type", typeJSON)
		w.WriteHeader(status)
		w.Write(revision.EscapeControls(append(b, '\n')))
		return
	}
	var buf bytes.Buffer
	data := errorPage{Status: status, Text: http.StatusText(status), Message: msg}
	if err := s.pages.render(&buf, "error", data); err != nil {
		http.Error(w, string(revision.EscapeControls([]byte(msg))), status)
		return
	}
	h.Set("Content-Type", typeHTML)
	w.WriteHeader(status)
	w.Write(revision.EscapeControls(buf.Bytes()))
}

// errorPage is the data of the error page.
type errorPage struct {
	Status  int
	Text    string
	Message string
}
