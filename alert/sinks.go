package alert

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/nicholas-fedor/shoutrrr"
	"github.com/nicholas-fedor/shoutrrr/pkg/router"
	"github.com/nicholas-fedor/shoutrrr/pkg/types"

	"lede/revision"
	"lede/store"
)

// Sink is a place alerts go. Send gets the alert both decoded and as the
// stored JSON; an error wrapped in Refused means the sink will never take
// this alert (retrying is pointless), any other error is worth a retry.
type Sink interface {
	Info() store.Sink
	Send(ctx context.Context, a *Alert, body []byte) error
}

// Refused marks an error no retry can cure, such as an HTTP 400.
type Refused struct{ Err error }

// Error is the error refused.
func (r Refused) Error() string { return r.Err.Error() }

// Unwrap returns the error refused.
func (r Refused) Unwrap() error { return r.Err }

// SendTimeout bounds one attempt at one sink.
const SendTimeout = 10 * time.Second

// JSONL appends one JSON line per alert to a file (synced before the
// alert counts as delivered), or writes it to Out for the path "-".
type JSONL struct {
	Path string      // absolute, or "-"
	Mu   *sync.Mutex // shared with whatever else writes Out
	Out  io.Writer
}

// Info names the sink by its file.
func (s *JSONL) Info() store.Sink {
	return store.Sink{ID: "jsonl:" + s.Path, Kind: "jsonl", Name: s.Path}
}

// Send appends the alert's JSON line.
func (s *JSONL) Send(_ context.Context, _ *Alert, body []byte) error {
	line := append(append([]byte(nil), body...), '\n')
	if s.Path == "-" {
		s.Mu.Lock()
		defer s.Mu.Unlock()
		_, err := s.Out.Write(line)
		return err
	}
	f, err := os.OpenFile(s.Path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
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

// Webhook POSTs the alert's JSON. The alert id also goes in an
// Idempotency-Key header, so a receiver can drop a resend unread. 2xx is
// delivered; 408, 429, 5xx and network errors are worth a retry; any
// other status refuses the alert for good.
type Webhook struct {
	URL       string
	Client    *http.Client
	UserAgent string
}

// Info names the sink by its URL, without what may be secret in it.
func (s *Webhook) Info() store.Sink {
	return store.Sink{ID: "webhook:" + s.URL, Kind: "webhook", Name: RedactURL(s.URL)}
}

// Send POSTs the alert once.
func (s *Webhook) Send(ctx context.Context, a *Alert, body []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.URL, bytes.NewReader(body))
	if err != nil {
		return Refused{err}
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Idempotency-Key", a.ID)
	req.Header.Set("User-Agent", s.UserAgent)
	resp, err := s.Client.Do(req)
	if err != nil {
		// Not the URL (it may hold a token), which the error repeats.
		var ue *url.Error
		if errors.As(err, &ue) {
			return fmt.Errorf("%s: %w", ue.Op, ue.Err)
		}
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
		return Refused{fmt.Errorf("HTTP %s", resp.Status)}
	}
}

// Notify sends the alert as a text message through shoutrrr, which
// speaks Slack, Discord, Telegram, Teams, SMTP, ntfy, a generic webhook
// and more, each from one URL. Format writes the message.
type Notify struct {
	url    string
	sender *router.ServiceRouter
	format func(*Alert) (title, text string)
}

// NewNotify checks a shoutrrr URL and makes its sink.
func NewNotify(u string, format func(*Alert) (title, text string)) (*Notify, error) {
	sender, err := shoutrrr.CreateSender(u)
	if err != nil {
		return nil, err
	}
	sender.Timeout = SendTimeout
	return &Notify{url: u, sender: sender, format: format}, nil
}

// Info names the sink by its URL, without what may be secret in it.
func (s *Notify) Info() store.Sink {
	return store.Sink{ID: "notify:" + s.url, Kind: "notify", Name: RedactURL(s.url)}
}

// Send sends the message once (shoutrrr bounds it with SendTimeout).
// A chat shows it as a terminal would: control characters from the
// story (a bidirectional override, ESC) are escaped
// (revision.EscapeControls), or they would act on what shows it.
func (s *Notify) Send(_ context.Context, a *Alert, _ []byte) error {
	title, text := s.format(a)
	title, text = string(revision.EscapeControls([]byte(title))), string(revision.EscapeControls([]byte(text)))
	params := types.Params{"title": title}
	return errors.Join(s.sender.Send(text, &params)...)
}

// RedactURL shows a URL without what may be secret in it: user
// information, path and query ("https://h/hook?token=x" becomes
// "https://h/…").
func RedactURL(raw string) string {
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
