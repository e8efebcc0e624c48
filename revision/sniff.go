package revision

import (
	"strings"
)

// Wire copy is prose: headlines, notes, datelines, paragraphs. The files
// that land in an input folder by mistake (a JSON dump of parses, a
// feed, a log, a program, a diff) are not, and they say so in the syntax
// of their lines. NotProseLine and LooksLike read that syntax, so that a
// format's detector can tell a page from a file that merely quotes one,
// and an input no detector takes is refused with what it looks like.

// NotProseLine reports whether line (trimmed of white space) is a line of
// JSON, markup, source code, a diff or a log rather than of any wire
// page's text.
func NotProseLine(line string) bool {
	if line == "" {
		return false
	}
	switch line[0] {
	case '{', '}', ']', '<', '|':
		return true
	case '[':
		// JSON ("[", `[{`, `["`, "[1") or a log's "[2024-01-02 ...]";
		// a bracketed word may open a headline.
		return len(line) == 1 || strings.ContainsAny(line[1:2], "{[\"0123456789")
	case '#':
		return strings.HasPrefix(line, "# ") || strings.HasPrefix(line, "##") || strings.HasPrefix(line, "#!") ||
			strings.HasPrefix(line, "#include")
	case '/':
		return strings.HasPrefix(line, "//") || strings.HasPrefix(line, "/*")
	case '"':
		// A JSON member ("source": ...) rather than a quote opening a
		// headline.
		if i := strings.IndexByte(line[1:], '"'); i >= 0 && strings.HasPrefix(strings.TrimLeft(line[i+2:], " "), ":") {
			return true
		}
	}
	if IsLogStamp(line) || isCodeLine(line) {
		return true
	}
	last := line[len(line)-1]
	return last == '{' || last == ';' || last == '['
}

// codeOpeners open lines of source code, diffs and patches.
var codeOpeners = [...]string{"package ", "import ", "func ", "def ", "class ", "return ", "var ",
	"const ", "let ", "type ", "if (", "for (", "using ", "public ", "private ", "static ",
	"diff --git ", "@@ ", "--- ", "+++ ", "*/"}

// codeTokens occur in source code and almost never in news prose.
var codeTokens = [...]string{" = ", ":=", "==", "!=", "=>", "->", "&&", "||", "();", "`", "\t"}

func isCodeLine(line string) bool {
	for _, k := range codeOpeners {
		if strings.HasPrefix(line, k) {
			return true
		}
	}
	for _, t := range codeTokens {
		if strings.Contains(line, t) {
			return true
		}
	}
	return false
}

// IsLogStamp reports whether line opens with a log's time stamp:
// "2024-01-02 15:04:05", "2024-01-02T15:04:05Z", "2024/01/02 15:04",
// "15:04:05" (a web page's "10:02 February 19, 2020" has no seconds),
// "[2024-01-02 ...", or a syslog "Jan  2 15:04:05".
func IsLogStamp(line string) bool {
	line = strings.TrimPrefix(line, "[")
	if len(line) > 12 && digitsAt(line, 0, 1, 2, 3, 5, 6, 8, 9, 11, 12) && (line[4] == '-' || line[4] == '/') &&
		line[7] == line[4] && (line[10] == ' ' || line[10] == 'T') {
		return true
	}
	if isHMS(line) {
		return true
	}
	for _, m := range monthAbbrevs {
		if rest, ok := strings.CutPrefix(line, m+" "); ok {
			rest = strings.TrimLeft(rest, " ")
			if i := strings.IndexByte(rest, ' '); i > 0 && i <= 2 && isHMS(rest[i+1:]) {
				return true
			}
		}
	}
	return false
}

var monthAbbrevs = [...]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// isHMS reports whether s opens with hh:mm:ss.
func isHMS(s string) bool { return digitsAt(s, 0, 1, 3, 4, 6, 7) && s[2] == ':' && s[5] == ':' }

func digitsAt(s string, at ...int) bool {
	for _, i := range at {
		if i >= len(s) || s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// LooksLike names what a cleaned input that no format took appears to
// be, for the error that refuses it: "JSON", "JSON lines", "XML (root
// element <rss>)", "HTML", "a diff", "Markdown", "a log", "source code",
// or "" when it is text of no kind LooksLike knows.
func LooksLike(text string) string {
	lines := topLines(text, 40)
	if len(lines) == 0 {
		return ""
	}
	first := lines[0]
	switch {
	case first[0] == '{' && len(lines) > 1 && allStart(lines, '{'):
		return "JSON lines"
	case first[0] == '{' || first[0] == '[' && NotProseLine(first):
		return "JSON"
	case first[0] == '<':
		return markupKind(text)
	case strings.HasPrefix(first, "--- ") || strings.HasPrefix(first, "diff "):
		return "a diff"
	case strings.HasPrefix(first, "# ") || strings.HasPrefix(first, "## "):
		return "Markdown"
	}
	logs, code := 0, 0
	for _, l := range lines {
		switch {
		case IsLogStamp(l):
			logs++
		case NotProseLine(l):
			code++
		}
	}
	switch {
	case logs*2 >= len(lines):
		return "a log"
	case code*4 >= len(lines) && code >= 2:
		return "source code"
	}
	return ""
}

// topLines returns the first n non-blank lines of text, trimmed.
func topLines(text string, n int) []string {
	var out []string
	for raw := range strings.SplitSeq(text, "\n") {
		if l := strings.TrimSpace(raw); l != "" {
			if out = append(out, l); len(out) == n {
				break
			}
		}
	}
	return out
}

func allStart(lines []string, c byte) bool {
	for _, l := range lines {
		if l[0] != c {
			return false
		}
	}
	return true
}

// markupKind names a document that opens with "<": HTML, or XML with its
// root element, found past the declaration, comments and doctype.
func markupKind(text string) string {
	s := strings.TrimSpace(text)
	for strings.HasPrefix(s, "<?") || strings.HasPrefix(s, "<!") {
		end := ">"
		if strings.HasPrefix(s, "<!--") {
			end = "-->"
		}
		i := strings.Index(s, end)
		if i < 0 {
			return "XML"
		}
		if strings.HasPrefix(strings.ToLower(s), "<!doctype html") {
			return "HTML"
		}
		s = strings.TrimSpace(s[i+len(end):])
	}
	name := strings.TrimPrefix(s, "<")
	if i := strings.IndexAny(name, " \t\n/>"); i >= 0 {
		name = name[:i]
	}
	switch {
	case name == "":
		return "XML"
	case strings.EqualFold(name, "html"):
		return "HTML"
	}
	return "XML (root element <" + name + ">)"
}
