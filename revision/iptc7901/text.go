package iptc7901

import (
	"strconv"
	"strings"

	"lede/revision"
)

// message is the text between STX and ETX, sorted: the header lines
// (version labels, headline, byline) that end with "=", the paragraphs,
// dpa's notebook and what follows the not-for-publication line.
type message struct {
	labels      []string
	headline    []string
	byline      string
	paras       []string
	notebook    []string
	editorsNote []string
	private     []string
	signoff     string
}

// maxHeadLines bounds the header block: dpa sends at most a few label
// lines, the headline and a byline before the "=".
const maxHeadLines = 8

// readMessage sorts the text's lines (control characters already gone).
func readMessage(lines []string) message {
	var m message
	n := headBlock(lines)
	for _, l := range lines[:n] {
		m.headLine(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(l), "=")))
	}
	m.readBody(lines[n:])
	m.takeSignoff()
	return m
}

// headBlock is how many lines the header takes: up to the first line
// ending in "=", dpa's end-of-headline mark; without one, the first line.
func headBlock(lines []string) int {
	for i, l := range lines {
		l = strings.TrimSpace(l)
		if i >= maxHeadLines || (l == "" && i > 0) {
			break
		}
		if strings.HasSuffix(l, "=") {
			return i + 1
		}
	}
	for i, l := range lines {
		if strings.TrimSpace(l) != "" {
			return i + 1
		}
	}
	return len(lines)
}

// labelWords are the header lines that say what a message does to its
// story rather than what it is about.
var labelWords = map[string]bool{
	"REFILE": true, "REPEAT": true, "CORRECTION": true, "CORRECTED": true, "BERICHTIGUNG": true,
	"KORREKTUR": true, "URGENT": true, "EILT": true, "EILMELDUNG": true, "FLASH": true,
	"BULLETIN": true, "UPDATE": true, "ADVISORY": true, "SUMMARY": true, "ZUSAMMENFASSUNG": true,
}

// leadLabel is "LEAD", "1ST LEAD", "2ND LEAD"...: the version.
var leadLabel = revision.LazyRegexp(`^(?i)(?:([0-9]{1,3})(?:ST|ND|RD|TH) )?LEAD$`)

func (m *message) headLine(l string) {
	switch up := strings.ToUpper(l); {
	case l == "":
	case labelWords[up] || leadLabel.MatchString(l):
		m.labels = append(m.labels, l)
	case strings.HasPrefix(up, "BY "):
		m.byline = strings.TrimSpace(l[3:])
	default:
		m.headline = append(m.headline, l)
	}
}

// leadSeq is a lead label's number: 1 for "LEAD" and "1ST LEAD", N for
// "Nth LEAD"; 0 when the label is not a lead.
func leadSeq(label string) int {
	mm := leadLabel.FindStringSubmatch(label)
	if mm == nil {
		return 0
	}
	if mm[1] == "" {
		return 1
	}
	n, _ := strconv.Atoi(mm[1])
	return n
}

// notForPublication is the line after which a message carries only what
// the editors are told (contacts, the writers' initials).
var notForPublication = revision.LazyRegexp(`(?i)^the following information is not (?:intended )?for publication`)

// readBody reads paragraphs (hard-wrapped lines joined; a paragraph ends
// at a blank line, and an indented line opens one) until dpa's notebook ("# Notebook", "# dpa NOTEBOOK") or the
// not-for-publication line; the notebook's "## Note to editors" says
// what an update changed.
func (m *message) readBody(lines []string) {
	const (
		inText = iota
		inNotebook
		inEditorsNote
		inPrivate
	)
	mode, para := inText, []string{}
	flush := func() {
		if len(para) > 0 {
			m.paras = append(m.paras, strings.Join(para, " "))
			para = para[:0]
		}
	}
	for _, raw := range lines {
		l := strings.TrimSpace(raw)
		if mode == inText && strings.HasPrefix(raw, "   ") {
			flush() // an indented line opens a paragraph
		}
		switch {
		case notForPublication.MatchString(l):
			flush()
			mode = inPrivate
		case l == "" || strings.HasPrefix(l, "* * *"):
			flush()
		case mode == inPrivate:
			m.private = append(m.private, l)
		case strings.HasPrefix(l, "# ") || strings.HasPrefix(l, "## "):
			flush()
			mode = inNotebook
			if isEditorsNoteHeading(l) {
				mode = inEditorsNote
			}
			m.notebook = append(m.notebook, l)
		case mode == inText:
			para = append(para, l)
		case mode == inEditorsNote:
			m.editorsNote = append(m.editorsNote, strings.TrimSpace(strings.TrimPrefix(l, "- ")))
		default:
			m.notebook = append(m.notebook, l)
		}
	}
	flush()
}

func isEditorsNoteHeading(l string) bool {
	h := strings.ToLower(strings.TrimSpace(strings.TrimLeft(l, "#")))
	return h == "note to editors" || h == "note to the editors" || h == "editor's note" || h == "editors' note"
}

// signoffLine is dpa's closing line of the writers' and editors'
// initials ("dpa wsz jln npr").
var signoffLine = revision.LazyRegexp(`^dpa(?: [a-z]{2,4}){1,8}$`)

// takeSignoff moves the initials line, the last line of what is not for
// publication or else the last paragraph, to the sign-off.
func (m *message) takeSignoff() {
	if n := len(m.private); n > 0 && signoffLine.MatchString(m.private[n-1]) {
		m.signoff, m.private = m.private[n-1], m.private[:n-1]
		return
	}
	if n := len(m.paras); n > 1 && signoffLine.MatchString(m.paras[n-1]) {
		m.signoff, m.paras = m.paras[n-1], m.paras[:n-1]
	}
}
