package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/nicholas-fedor/shoutrrr"
	"github.com/nicholas-fedor/shoutrrr/pkg/router"
	"github.com/nicholas-fedor/shoutrrr/pkg/types"

	"lede/store"
)

// sink is a place alerts go. send gets the alert both decoded and as the
// stored JSON; an error wrapped in refused means the sink will never take
// this alert (retrying is pointless), any other error is worth a retry.
type sink interface {
	info() store.Sink
	send(ctx context.Context, m *alertMsg, body []byte) error
}

// refused marks an error no retry can cure, such as an HTTP 400.
type refused struct{ error }

func (r refused) Unwrap() error { return r.error }

// sendTimeout bounds one attempt at one sink.
const sendTimeout = 10 * time.Second

// terminalSink prints readable alert lines.
type terminalSink struct {
	mu    *sync.Mutex // shared with everything else writing stdout
	w     io.Writer
	st    style
	width int
}

func (s *terminalSink) info() store.Sink {
	return store.Sink{ID: "terminal", Kind: "terminal", Name: "stdout"}
}

func (s *terminalSink) send(_ context.Context, m *alertMsg, _ []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, err := io.WriteString(s.w, strings.Join(alertLines(m, s.st, 6, s.width), "\n")+"\n")
	return err
}

// jsonlSink appends one JSON line per alert to a file, or writes it to
// stdout for "-".
type jsonlSink struct {
	path string // absolute, or "-"
	mu   *sync.Mutex
	out  io.Writer // stdout, for "-"
}

func (s *jsonlSink) info() store.Sink {
	return store.Sink{ID: "jsonl:" + s.path, Kind: "jsonl", Name: s.path}
}

func (s *jsonlSink) send(_ context.Context, _ *alertMsg, body []byte) error {
	line := append(append([]byte(nil), body...), '\n')
	if s.path == "-" {
		s.mu.Lock()
		defer s.mu.Unlock()
		_, err := s.out.Write(line)
		return err
	}
	f, err := os.OpenFile(s.path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(line)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// execSink runs a shell command per alert with the alert's JSON on its
// standard input and LEDE_ALERT_ID, LEDE_STORY in its environment.
type execSink struct{ cmd string }

func (s *execSink) info() store.Sink {
	return store.Sink{ID: "exec:" + s.cmd, Kind: "exec", Name: s.cmd}
}

func (s *execSink) send(ctx context.Context, m *alertMsg, body []byte) error {
	ctx, cancel := context.WithTimeout(ctx, sendTimeout)
	defer cancel()
	c := exec.CommandContext(ctx, "/bin/sh", "-c", s.cmd)
	c.Stdin = bytes.NewReader(body)
	c.Env = append(os.Environ(), "LEDE_ALERT_ID="+m.ID, "LEDE_STORY="+m.Story)
	var stderr bytes.Buffer
	c.Stderr = &stderr
	if err := c.Run(); err != nil {
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return fmt.Errorf("%w: %s", err, cut(msg, 200))
		}
		return err
	}
	return nil
}

// webhookSink POSTs the alert's JSON. The alert id also goes in an
// Idempotency-Key header, so a receiver can drop a resend unread.
type webhookSink struct {
	url    string
	client *http.Client
}

func (s *webhookSink) info() store.Sink {
	return store.Sink{ID: "webhook:" + s.url, Kind: "webhook", Name: redactURL(s.url)}
}

func (s *webhookSink) send(ctx context.Context, m *alertMsg, body []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.url, bytes.NewReader(body))
	if err != nil {
		return refused{err}
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Idempotency-Key", m.ID)
	req.Header.Set("User-Agent", "lede/"+version())
	resp, err := s.client.Do(req)
	if err != nil {
		return err
	}
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()
	switch c := resp.StatusCode; {
	case c >= 200 && c < 300:
		return nil
	case c == http.StatusRequestTimeout || c == http.StatusTooManyRequests || c >= 500:
		return fmt.Errorf("HTTP %s", resp.Status)
	default:
		return refused{fmt.Errorf("HTTP %s", resp.Status)}
	}
}

// notifySink sends the alert as a text message through shoutrrr, which
// speaks Slack, Discord, Telegram, Teams, SMTP, ntfy, a generic webhook
// and more, each from one URL.
type notifySink struct {
	url    string
	sender *router.ServiceRouter
}

func newNotifySink(u string) (*notifySink, error) {
	sender, err := shoutrrr.CreateSender(u)
	if err != nil {
		return nil, err
	}
	sender.Timeout = sendTimeout
	return &notifySink{url: u, sender: sender}, nil
}

func (s *notifySink) info() store.Sink {
	return store.Sink{ID: "notify:" + s.url, Kind: "notify", Name: redactURL(s.url)}
}

func (s *notifySink) send(_ context.Context, m *alertMsg, _ []byte) error {
	text := strings.Join(alertLines(m, style{}, 4, 300)[1:], "\n")
	params := types.Params{"title": "lede: " + alertTitle(m)}
	return errors.Join(s.sender.Send(text, &params)...)
}

// redactURL shows a URL without what may be secret in it: user
// information, path and query ("slack://…@channel" becomes "slack://…").
func redactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Scheme == "" {
		// Some services' URLs are not URLs to Go (slack://a:b/c@d).
		if scheme, _, ok := strings.Cut(raw, "://"); ok && scheme != "" && !strings.ContainsAny(scheme, "/@ ") {
			return scheme + "://…"
		}
		return "(unreadable URL)"
	}
	host := u.Host
	if u.User != nil {
		host = "…@" + host
	}
	out := u.Scheme + "://" + host
	if u.Path != "" && u.Path != "/" || u.RawQuery != "" {
		out += "/…"
	}
	return out
}

// sinkOptions are the flags that choose sinks.
type sinkOptions struct {
	quiet   bool
	jsonl   []string
	execs   []string
	webhook []string
	notify  []string
}

// sinks builds the sinks the flags ask for; the terminal unless --quiet
// or --jsonl - takes stdout. A bad URL is a usage error.
func (l *lede) sinks(opt sinkOptions, stdoutMu *sync.Mutex) ([]sink, error) {
	var out []sink
	toStdout := false
	for _, p := range opt.jsonl {
		if p != "-" {
			abs, err := filepath.Abs(p)
			if err != nil {
				return nil, usagef("watch", "--jsonl %s: %v", p, err)
			}
			p = abs
		}
		toStdout = toStdout || p == "-"
		out = append(out, &jsonlSink{path: p, mu: stdoutMu, out: l.stdout})
	}
	if !opt.quiet && !toStdout {
		_, width := l.terminal(l.stdout)
		out = append([]sink{&terminalSink{mu: stdoutMu, w: l.stdout, st: l.style(), width: width}}, out...)
	}
	for _, c := range opt.execs {
		out = append(out, &execSink{cmd: c})
	}
	client := &http.Client{Timeout: sendTimeout}
	for _, u := range opt.webhook {
		if p, err := url.Parse(u); err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
			return nil, usagef("watch", "--webhook %s: want an http:// or https:// URL", redactURL(u))
		}
		out = append(out, &webhookSink{url: u, client: client})
	}
	for _, u := range opt.notify {
		s, err := newNotifySink(u)
		if err != nil {
			return nil, &cliError{code: 2, msg: fmt.Sprintf("--notify %s: %v", redactURL(u), err),
				hint: "see https://shoutrrr.nickfedor.com/ for the URL of each service"}
		}
		out = append(out, s)
	}
	return out, nil
}
