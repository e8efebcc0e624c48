package revision

import "strings"

// TextParagraphs splits a plain-text story body into paragraphs, the way
// lede reads every format that sends text without markup (ninjs
// body_text, lede's JSON lines "body"): at blank lines when the text has
// any, else one paragraph a line. Line breaks inside a paragraph are hard
// wraps and become spaces; runs of white space become one space.
func TextParagraphs(s string) []string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	blocks := splitBlankLines(s)
	if len(blocks) <= 1 {
		blocks = strings.Split(s, "\n")
	}
	var out []string
	for _, b := range blocks {
		if p := strings.Join(strings.Fields(b), " "); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// splitBlankLines cuts s at every line that is empty or only white space.
func splitBlankLines(s string) []string {
	var out, cur []string
	for line := range strings.SplitSeq(s, "\n") {
		if strings.TrimSpace(line) == "" {
			if len(cur) > 0 {
				out = append(out, strings.Join(cur, "\n"))
				cur = nil
			}
			continue
		}
		cur = append(cur, line)
	}
	if len(cur) > 0 {
		out = append(out, strings.Join(cur, "\n"))
	}
	return out
}
