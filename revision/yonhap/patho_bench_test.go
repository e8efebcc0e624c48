package yonhap

import (
	"strings"
	"testing"
)

// pathological are inputs of about 1 MB built to hit the parser's worst
// cases: long runs of lines it must mend, notes with huge paragraph lists,
// deep parentheses, endless bylines and sign-offs.
var pathological = map[string]string{
	"end-fragments":   strings.Repeat("(E\n", 300000),
	"broken-lines":    "H\nSEOUL -- x\n" + strings.Repeat("aa\n", 300000),
	"para-list":       "H\n(ATTN: ADDS paras " + strings.Repeat("1, ", 300000) + ")\nSEOUL -- x",
	"para-ranges":     "H\n(ATTN: ADDS paras " + strings.Repeat("1-200, ", 100000) + ")\nSEOUL -- x",
	"ordinals":        "H\n(ATTN: ADDS " + strings.Repeat("first, ", 100000) + "para)\nSEOUL -- x",
	"markers":         strings.Repeat("(LEAD)", 150000) + "\nx",
	"open-parens":     strings.Repeat("(", 900000) + "\nx",
	"number-items":    "H\n(ATTN: ADDS " + strings.Repeat("1,", 300000) + ")\nSEOUL -- x",
	"and-items":       "H\n(ATTN: ADDS " + strings.Repeat("headline and ", 60000) + ")\nSEOUL -- x",
	"long-stamp":      strings.Repeat("A ", 400000) + "12:00 June 1, 2020",
	"long-dateline":   strings.Repeat("A ", 400000) + "-- x",
	"video-links":     strings.Repeat("x\nhttp://a\n", 90000),
	"long-byline":     "By " + strings.Repeat("Aa ", 300000),
	"sign-offs":       strings.Repeat("a@b.cc ", 130000),
	"note-clauses":    "H\n(ATTN: " + strings.Repeat("ADDS x;", 120000) + ")\nSEOUL -- x",
	"image-alt-texts": "Head\n" + strings.Repeat("Head - 1\n", 100000),
	"letterless":      strings.Repeat("-\n\n", 300000) + "SEOUL -- x",
	"navigation":      strings.Repeat("Home > N\n\n\n", 90000) + "SEOUL -- x",
	"headline-shaped": strings.Repeat("Talks held\n"+strings.Repeat("\n", 1000), 900) + "SEOUL -- x",
}

// BenchmarkPathological times the parser on each pathological input; the
// figures in BENCHMARKS.md show that none costs more than linear time.
func BenchmarkPathological(b *testing.B) {
	for name, in := range pathological {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(in)))
			for b.Loop() {
				Parse("bench", in)
			}
		})
	}
}
