package revision

import (
	"strings"
	"testing"
)

func TestLooksLike(t *testing.T) {
	page := "(LEAD) N.K. holds party meeting\nSEOUL, Dec. 30 (Yonhap) -- North Korea discussed measures.\n(END)\n"
	tests := []struct{ name, text, want string }{
		{"JSON array", "[\n  {\n    \"source\": \"a.txt\",\n", "JSON"},
		{"JSON object", "{\"paragraphs\": [\"SEOUL, Dec. 30 (Yonhap) -- x\"]}\n", "JSON"},
		{"JSON lines", "{\"id\": 1}\n{\"id\": 2}\n", "JSON lines"},
		{"XML", "<?xml version=\"1.0\"?>\n<!-- a feed -->\n<rss version=\"2.0\">\n", "XML (root element <rss>)"},
		{"HTML", "<!DOCTYPE html>\n<html><body>" + page, "HTML"},
		{"Markdown", "# lede\n\nTrack how stories change.\n\n```\nlede ingest\n```\n", "Markdown"},
		{"diff", "--- a.txt\n+++ b.txt\n@@ -1 +1 @@\n", "a diff"},
		{"log", "2024-01-02 10:00:00 start\n2024-01-02 10:00:01 " + page, "a log"},
		{"syslog", "Dec 04 09:02:11 desk lede[1]: watching\nDec 04 09:02:14 desk lede[1]: stored\n", "a log"},
		{"Go", "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(1)\n}\n", "source code"},
		{"a page", page, ""},
		{"prose", "shopping list\nmilk\n", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := LooksLike(tc.text); got != tc.want {
				t.Errorf("LooksLike(%.40q) = %q, want %q", tc.text, got, tc.want)
			}
		})
	}
	for _, line := range strings.Split(page, "\n") {
		if NotProseLine(line) {
			t.Errorf("NotProseLine(%q) = true", line)
		}
	}
}
