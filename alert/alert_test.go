package alert

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"lede/store"
)

func TestRedactURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://example.org/hooks/lede?token=s3cret":  "https://example.org/…",
		"slack://hook:T000/B000/XXX@webhook":           "slack://…",
		"smtp://user:pass@mail.example.org:587/?to=me": "smtp://…@mail.example.org:587/…",
		"http://127.0.0.1:8080":                        "http://127.0.0.1:8080",
		"not a url":                                    "(unreadable URL)",
	} {
		if got := RedactURL(in); got != want {
			t.Errorf("RedactURL(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestBackoff(t *testing.T) {
	d := &Deliverer{backoff: time.Second}
	for n, want := range map[int]time.Duration{1: time.Second, 2: 2 * time.Second, 4: 8 * time.Second, 9: 256 * time.Second, 10: MaxBackoff, 60: MaxBackoff} {
		if got := d.wait(n); got != want {
			t.Errorf("wait(%d) = %s, want %s", n, got, want)
		}
	}
}

// TestWebhookStatuses sends to a server on 127.0.0.1 answering each
// status: 2xx is delivered, 408, 429 and 5xx are retried, other 4xx
// refuse the alert for good. The alert id travels as Idempotency-Key.
func TestWebhookStatuses(t *testing.T) {
	var status int
	var key string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		key = r.Header.Get("Idempotency-Key")
		io.Copy(io.Discard, r.Body)
		w.WriteHeader(status)
	}))
	defer srv.Close()
	s := &Webhook{URL: srv.URL, Client: srv.Client(), UserAgent: "lede/test"}
	for code, want := range map[int]string{200: "delivered", 204: "delivered", 500: "retry", 503: "retry", 429: "retry", 408: "retry", 400: "refused", 404: "refused"} {
		status = code
		err := s.Send(context.Background(), &Alert{ID: "lede-x-1"}, []byte(`{}`))
		got := "delivered"
		switch {
		case errors.As(err, new(Refused)):
			got = "refused"
		case err != nil:
			got = "retry"
		}
		if got != want || key != "lede-x-1" {
			t.Errorf("HTTP %d: %s (%v), key %q; want %s", code, got, err, key, want)
		}
	}
}

// TestWebhookErrorHidesURL sends to a closed port: the error says what
// failed without repeating the URL and the token in it.
func TestWebhookErrorHidesURL(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	u := srv.URL + "/hook?token=s3cret"
	srv.Close()
	err := (&Webhook{URL: u, Client: http.DefaultClient}).Send(context.Background(), &Alert{}, nil)
	if err == nil || strings.Contains(err.Error(), "s3cret") || errors.As(err, new(Refused)) {
		t.Errorf("error %v", err)
	}
}

// flaky is a sink that fails its first fails attempts and records what
// it received.
type flaky struct {
	name  string
	fails int
	mu    sync.Mutex
	got   []string
}

func (f *flaky) received() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.got)
}

func (f *flaky) Info() store.Sink { return store.Sink{ID: f.name, Kind: "test", Name: f.name} }

func (f *flaky) Send(_ context.Context, a *Alert, _ []byte) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.fails > 0 {
		f.fails--
		return errors.New("down")
	}
	f.got = append(f.got, a.ID)
	return nil
}

// TestDelivererHoldsADownSink delivers three alerts from a real store to
// two sinks: the one that is up gets all three at once, in order; the
// one that is down gets none until its retries succeed, then all three,
// in order; the store ends with nothing queued.
func TestDelivererHoldsADownSink(t *testing.T) {
	db, err := store.Open(filepath.Join(t.TempDir(), "lede.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	up, down := &flaky{name: "up"}, &flaky{name: "down", fails: 2}
	d := NewDeliverer([]Sink{up, down}, 20*time.Millisecond, io.Discard)
	var alerts []store.NewAlert
	var ids []string
	for i := 1; i <= 3; i++ {
		id := fmt.Sprintf("lede-test-%d", i)
		body, _ := json.Marshal(Alert{ID: id})
		alerts = append(alerts, store.NewAlert{Arrival: uint64(i), ID: id, Body: body})
		ids = append(ids, id)
	}
	if err := db.AddAlerts(nil, alerts, d.Infos()); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for len(down.received()) < 3 && time.Now().Before(deadline) {
		if err := d.Record(db); err != nil {
			t.Fatal(err)
		}
		if err := d.Dispatch(context.Background(), db, time.Now()); err != nil {
			t.Fatal(err)
		}
		if d.Idle() {
			time.Sleep(5 * time.Millisecond)
			continue
		}
		d.Got(<-d.Done())
		if got := down.received(); len(got) > 0 && !slices.Equal(got, ids[:len(got)]) {
			t.Fatalf("down sink got %v: out of order", got)
		}
	}
	for !d.Idle() {
		d.Got(<-d.Done())
	}
	if err := d.Record(db); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(up.received(), ids) || !slices.Equal(down.received(), ids) || d.Failures != 2 || d.Sent != 6 {
		t.Fatalf("up got %v, down got %v, %d failures, %d sent", up.received(), down.received(), d.Failures, d.Sent)
	}
	list, err := db.Alerts(0)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range list {
		for _, s := range a.Deliveries {
			if s.State != store.StateDelivered || s.Sink == "down" && a.ID == "lede-test-1" && s.Attempts != 2 {
				t.Errorf("%s at %s: %+v", a.ID, s.Sink, s.Delivery)
			}
		}
	}
	if dues, _, _ := db.NextDue("down", time.Now(), 10); len(dues) != 0 || !strings.HasPrefix(list[0].ID, "lede-test") {
		t.Errorf("still due: %v", dues)
	}
}
