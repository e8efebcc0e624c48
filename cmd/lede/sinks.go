package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"sync"

	"lede/alert"
	"lede/store"
)

// terminalSink prints readable alert lines.
type terminalSink struct {
	mu    *sync.Mutex // shared with everything else writing stdout
	w     io.Writer
	st    style
	width int
}

// Info names the terminal sink.
func (s *terminalSink) Info() store.Sink {
	return store.Sink{ID: "terminal", Kind: "terminal", Name: "stdout"}
}

// Send prints the alert's lines.
func (s *terminalSink) Send(_ context.Context, m *alert.Alert, _ []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return writeFitted(s.w, s.st.mark, s.width, strings.Join(alertLines(m, s.st, 6, s.width), "\n")+"\n")
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
func (l *lede) sinks(opt sinkOptions, stdoutMu *sync.Mutex) ([]alert.Sink, error) {
	var out []alert.Sink
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
		out = append(out, &alert.JSONL{Path: p, Mu: stdoutMu, Out: l.stdout})
	}
	if !opt.quiet && !toStdout {
		_, width := l.terminal(l.stdout)
		out = append([]alert.Sink{&terminalSink{mu: stdoutMu, w: l.stdout, st: l.style(), width: width}}, out...)
	}
	for _, c := range opt.execs {
		out = append(out, &alert.Exec{Command: c})
	}
	client := &http.Client{Timeout: alert.SendTimeout}
	for _, u := range opt.webhook {
		if p, err := url.Parse(u); err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
			return nil, usagef("watch", "--webhook %s: want an http:// or https:// URL", alert.RedactURL(u))
		}
		out = append(out, &alert.Webhook{URL: u, Client: client, UserAgent: "lede/" + version()})
	}
	for _, u := range opt.notify {
		s, err := alert.NewNotify(u, notifyText)
		if err != nil {
			return nil, &cliError{code: 2, msg: fmt.Sprintf("--notify %s: %s", alert.RedactURL(u), strings.ReplaceAll(err.Error(), u, alert.RedactURL(u))),
				hint: "see https://shoutrrr.nickfedor.com/ for the URL of each service"}
		}
		out = append(out, s)
	}
	return out, nil
}

// notifyText is an alert as a chat or mail message: the heading as
// title, the rest as readable lines without colour.
func notifyText(m *alert.Alert) (title, text string) {
	return "lede: " + alertTitle(m), strings.Join(alertLines(m, style{}, 4, 300)[1:], "\n")
}
