package main

import (
	"fmt"
	"strconv"
	"strings"

	"lede/revision"
)

// writeItem writes the item's own fields, those the agencies' formats
// carry (agency, item id, story key, version, slug, cycle, status,
// signals, refs, part, partial, transmitted), each only when the input
// sets it: a Yonhap page without its article id shows none of them, and
// "usable", every page's status unless it says otherwise, is not shown.
func (v view) writeItem(r *revision.Revision) {
	for _, f := range [][2]string{
		{"agency", r.Agency}, {"id", r.ID}, {"key", r.Key}, {"version", versionText(r.Version)},
		{"slug", r.Slug}, {"cycle", r.Cycle},
	} {
		if f[1] != "" {
			v.field(f[0], f[1], nil)
		}
	}
	if r.Status != "" && r.Status != revision.StatusUsable {
		v.field("status", strings.ToUpper(string(r.Status)), v.st.warn)
	}
	if len(r.Signals) > 0 {
		v.field("signals", strings.Join(r.Signals, ", "), nil)
	}
	if len(r.Refs) > 0 {
		v.field("refs", strings.Join(r.Refs, ", "), nil)
	}
	if r.Part != nil {
		v.field("part", partText(r.Part), nil)
	}
	if r.Partial {
		v.field("partial", "yes (a new top with a pick-up, not a whole text)", nil)
	}
	if r.Transmitted != "" {
		v.field("sent", r.Transmitted, nil)
	}
}

// versionText is an agency's version number, "" for none.
func versionText(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// partText names a part of one version: "take 2 of 3", "add 1".
func partText(p *revision.ItemPart) string {
	if p.Of > 0 {
		return fmt.Sprintf("%s %d of %d", p.Kind, p.N, p.Of)
	}
	return fmt.Sprintf("%s %d", p.Kind, p.N)
}
