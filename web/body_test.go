package web

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// TestChunkedBody sends requests with a chunked body, which has no
// Content-Length for the size limit to see, over a raw TCP connection:
// each is refused with 411, in the API's JSON shape under /api/, before
// the body is read; the same request without a body is answered.
func TestChunkedBody(t *testing.T) {
	srv := httptest.NewServer(newTestServer(t, fixture(t)))
	defer srv.Close()
	chunk := strings.Repeat("x", 8<<10)
	for _, tt := range []struct {
		target, body string
		status       int
		want         string
	}{
		{"/", fmt.Sprintf("%x\r\n%s\r\n0\r\n\r\n", len(chunk), chunk), 411, "needs a Content-Length"},
		{"/api/stories", fmt.Sprintf("%x\r\n%s\r\n0\r\n\r\n", len(chunk), chunk), 411, `"status": 411`},
		{"/api/stories", "0\r\n\r\n", 411, `"status": 411`},
	} {
		conn, err := net.Dial("tcp", srv.Listener.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		conn.SetDeadline(time.Now().Add(10 * time.Second))
		fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: lede\r\nTransfer-Encoding: chunked\r\n\r\n%s", tt.target, tt.body)
		res, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err != nil {
			t.Fatalf("%s: %v", tt.target, err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		conn.Close()
		if res.StatusCode != tt.status || !strings.Contains(string(body), tt.want) {
			t.Errorf("%s with a chunked body: %d, want %d with %q\n%.500s", tt.target, res.StatusCode, tt.status, tt.want, body)
		}
		checkSecurityHeaders(t, res)
	}
	if code, _, _, err := fetch(srv.URL + "/api/stories"); code != 200 || err != nil {
		t.Errorf("without a body: %d %v", code, err)
	}
}
