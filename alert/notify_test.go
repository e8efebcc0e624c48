package alert

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestNotifyEscapesBidi sends an alert whose headline hides a
// right-to-left override and a terminal escape (SGR 8, hidden text)
// through shoutrrr's generic webhook to a server on 127.0.0.1: the chat
// message shows them escaped, not raw.
func TestNotifyEscapesBidi(t *testing.T) {
	got := make(chan string, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		got <- string(b)
	}))
	defer srv.Close()
	n, err := NewNotify("generic://"+strings.TrimPrefix(srv.URL, "http://")+"/hook?disabletls=yes", func(a *Alert) (string, string) {
		return a.Headline, "lead " + a.Headline
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := n.Send(context.Background(), &Alert{Headline: "Typhoon \u202Etsaoc\u202C \x1b[8mnears"}, nil); err != nil {
		t.Fatal(err)
	}
	body := <-got
	if strings.ContainsAny(body, "\u202E\x1b") || !strings.Contains(body, `lead Typhoon \u202etsaoc\u202c \u001b[8mnears`) {
		t.Errorf("message %q", body)
	}
}
