package yonhap

import (
	"strings"
	"unicode"

	"lede/revision"
)

var (
	// ruleRE matches separator lines made of dashes and the like.
	ruleRE = lazyRE(`^[-=_*~]{3,}$`)
	// videoRE matches embedded video links such as "Youtubehttps://youtu.be/x".
	videoRE = lazyRE(`^(?:Youtube|YouTube)?https?://\S+$`)
)

// mayBeVideo reports whether line opens as videoRE needs: looking for
// "http" anywhere stopped at every h of the text, a tenth of reading a
// long page.
func mayBeVideo(line string) bool {
	return strings.HasPrefix(line, "http") || strings.HasPrefix(line, "Youtube") || strings.HasPrefix(line, "YouTube")
}

// body is what follows the head. Paragraphs are kept as the lines they
// came from until the end, so mending a long run of broken lines costs
// linear time: the lines of all paragraphs in one list, lines, and where
// each paragraph's begin in starts (a slice of lines for each paragraph
// was a small allocation per paragraph, most of a large page's parse).
type body struct {
	lines     []string
	starts    []int
	captions  []string
	signoff   string
	complete  bool
	cut       revision.Part // what an incomplete page ends in
	furniture []string
}

// Part a caption, for body.cut; it is story package, not text.
const cutCaption revision.Part = "caption"

// paras joins each paragraph's lines with a space.
func (b *body) paras() []string {
	out := make([]string, len(b.starts))
	for i, at := range b.starts {
		end := len(b.lines)
		if i+1 < len(b.starts) {
			end = b.starts[i+1]
		}
		out[i] = strings.Join(b.lines[at:end], " ")
	}
	return out
}

// last is the last paragraph's lines; there must be one.
func (b *body) last() []string { return b.lines[b.starts[len(b.starts)-1]:] }

// parseBody reads story lines: one paragraph per line or per blank-line
// separated block, with stray line breaks inside a sentence mended; photo
// captions, sign-off, (END) and everything after it kept apart. cut says
// the input was cut inside its last character (revision.CleanCut).
func parseBody(lines []string, headline string, cut bool) body {
	b := body{lines: make([]string, 0, len(lines)), starts: make([]int, 0, len(lines))}
	lastText := len(lines) - 1
	for lastText >= 0 && strings.TrimSpace(lines[lastText]) == "" {
		lastText--
	}
	joinable := false // the last paragraph may continue on the next line
	for i, raw := range lines {
		line := strings.TrimSpace(raw)
		part := revision.CutFurniture // what the line is, if the page ends in it
		switch {
		case line == "":
			continue
		case isEndMark(line):
			if text := strings.TrimSpace(strings.TrimSuffix(line, "(END)")); text != "" {
				b.add(text, &joinable)
			}
			b.furniture = append(b.furniture, nonBlank(lines[i+1:])...)
			b.complete, b.cut = !cut, ""
			if cut {
				// The bytes after the end mark were cut: the story
				// text is whole, the page is not.
				b.cut = revision.CutFurniture
				if i == lastText {
					b.cut = revision.CutEndMark
				}
			}
			return b
		case i == lastText && len(line) >= 2 && strings.HasPrefix("(END)", line):
			// "(END" on a page cut off inside its end mark: not text, and
			// the page stays incomplete because the mark is not whole.
			b.furniture = append(b.furniture, line)
			part = revision.CutEndMark
		case isImageAlt(line, headline):
			b.furniture = append(b.furniture, line)
			joinable = false
		case strings.IndexAny(line[:1], "-=_*~") == 0 && ruleRE().MatchString(line):
			b.furniture = append(b.furniture, line)
			joinable = false
		case mayBeVideo(line) && videoRE().MatchString(line):
			b.dropVideoTitle()
			b.furniture = append(b.furniture, line)
			joinable = false
		case strings.Contains(line, "@") && (isSignoff(line) || i == lastText && isSignoffStart(line)):
			// The last line of a page cut off inside its sign-off
			// ("yonngong@") is a sign-off all the same, not a paragraph.
			b.signoff = strings.TrimSpace(b.signoff + " " + line)
			joinable = false
			part = revision.CutSignoff
		case strings.HasPrefix(line, "view larger image"):
			b.captions = append(b.captions, strings.TrimSpace(strings.TrimPrefix(line, "view larger image")))
			joinable = false
			part = cutCaption
		case isCaptionEnd(line) && !strings.Contains(line, " -- ") && len(b.starts) > 0:
			b.captions = append(b.captions, line)
			joinable = false
			part = cutCaption
		default:
			b.add(line, &joinable)
			part = revision.CutParagraph
		}
		b.cut = part
	}
	if len(b.starts) == 0 && b.signoff == "" || !cut && lastText < len(lines)-1 && b.cut != revision.CutEndMark {
		// A page whose text stops at a line break was cut between two
		// lines, not inside one: its last paragraph is whole. (Pages cut
		// at a byte count stop mid-line.)
		b.cut = ""
	}
	return b
}

// isImageAlt recognises the alternative text of a page's photo: the
// headline, or the start of it, followed by " - 1".
func isImageAlt(line, headline string) bool {
	if headline == "" {
		return false
	}
	// The end first: " - " and one or two digits. Every line of a page
	// is asked, and almost none ends so.
	j := len(line)
	for j > 0 && len(line)-j < 3 && line[j-1] >= '0' && line[j-1] <= '9' {
		j--
	}
	if n := len(line) - j; n < 1 || n > 2 || !strings.HasSuffix(line[:j], " - ") {
		return false
	}
	i := j - len(" - ")
	return i > 0 && strings.Contains(headline, line[:i])
}

// add appends a paragraph, or mends a stray line break: a line starting
// with a lower-case word continues a paragraph that stopped mid-sentence.
func (b *body) add(line string, joinable *bool) {
	if *joinable && len(b.starts) > 0 && startsLowerWord(line) {
		if p := b.last(); !endsSentence(p[len(p)-1]) {
			b.lines = append(b.lines, line) // the last paragraph goes on
			return
		}
	}
	b.starts = append(b.starts, len(b.lines))
	b.lines = append(b.lines, line)
	*joinable = true
}

// dropVideoTitle moves the title line of an embedded video, which sits
// just above its link and does not end like a sentence, to furniture.
func (b *body) dropVideoTitle() {
	n := len(b.starts)
	if n < 2 || len(b.last()) != 1 {
		return
	}
	if t := b.last()[0]; len(t) < 120 && !endsSentence(t) {
		b.furniture = append(b.furniture, t)
		b.lines, b.starts = b.lines[:b.starts[n-1]], b.starts[:n-1]
	}
}

func endsSentence(s string) bool {
	s = strings.TrimRight(s, " ")
	if s == "" {
		return true
	}
	switch s[len(s)-1] {
	case '.', '?', '!', '"', '\'', ':', ')':
		return true
	}
	return strings.HasSuffix(s, "”") || strings.HasSuffix(s, "’")
}

// startsLowerWord reports whether s starts with an all-lower-case word, so
// that names such as "iPhone" or "eBay" do not count.
func startsLowerWord(s string) bool {
	word, _ := firstWord(s)
	if word == "" {
		return false
	}
	for _, r := range word {
		if unicode.IsUpper(r) {
			return false
		}
	}
	return unicode.IsLower([]rune(word)[0])
}

func nonBlank(lines []string) []string {
	var out []string
	for _, l := range lines {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// parseDateline reads the dateline opening the lead, if there is one.
func parseDateline(lead string) (revision.Dateline, bool) {
	m, ok := matchDateline(lead)
	if !ok {
		return revision.Dateline{}, false
	}
	d := revision.Dateline{Place: lead[:m.place], Text: lead[:m.end]}
	if m.agency >= 0 {
		d.Agency = lead[m.agencyAt:m.agency]
	}
	if m.month >= 0 {
		month, dayText := lead[m.monthAt:m.month], lead[m.dayAt:m.day]
		mo, day := revision.MonthNumber(month), number(dayText)
		if mo == 0 {
			return revision.Dateline{}, false
		}
		if day >= 1 && day <= 31 {
			d.Date = month + " " + dayText
			d.Month, d.Day = mo, day
		}
	}
	return d, true
}

// isEndMark reports whether line is Yonhap's end of story, "(END)", alone
// or closing the last line after white space.
func isEndMark(line string) bool {
	rest, ok := strings.CutSuffix(line, "(END)")
	return ok && (rest == "" || isSpace(rest[len(rest)-1]))
}
