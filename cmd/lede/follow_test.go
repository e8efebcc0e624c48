package main

import (
	"encoding/json"
	"testing"
)

// TestFollowMuteOutput checks what follow and mute print: a line per
// change, or with --json (before or after the story) the whole list.
func TestFollowMuteOutput(t *testing.T) {
	db := ingestedDB(t)
	r := runIn(t, fakeProc{}, "--db", db, "follow", "200202-s")
	if r.code != 0 || r.stdout != "following 200202-s-korea-reports-3\n" {
		t.Fatalf("follow: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	r = runIn(t, fakeProc{}, "--db", db, "mute", "200822-typhoon", "--json")
	if r.code != 0 {
		t.Fatalf("mute --json: exit %d\n%s", r.code, r.stderr)
	}
	var wl struct {
		Follow []struct{ Story string } `json:"follow"`
		Mute   []struct{ Story string } `json:"mute"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &wl); err != nil {
		t.Fatalf("mute --json printed no JSON: %v\n%s", err, r.stdout)
	}
	if len(wl.Follow) != 1 || wl.Follow[0].Story != "200202-s-korea-reports-3" ||
		len(wl.Mute) != 1 || wl.Mute[0].Story != "200822-typhoon-bavi-possibly-make" {
		t.Errorf("watchlist after mute --json: %+v", wl)
	}
	r = runIn(t, fakeProc{}, "--db", db, "mute", "--remove", "200822-typhoon")
	if r.code != 0 || r.stdout != "unmuted 200822-typhoon-bavi-possibly-make\n" {
		t.Errorf("mute --remove: exit %d, stdout %q", r.code, r.stdout)
	}
	if r = runIn(t, fakeProc{}, "--db", db, "mute", "nosuch"); r.code != 1 {
		t.Errorf("mute of an unknown story: exit %d, want 1", r.code)
	}
}
