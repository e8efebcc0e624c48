package apwire

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"lede/revision"
)

// Eds is an Eds: note read into what it claims. Every word of the note
// is in the Text of one action or in one of Clauses, in the note's order,
// so that nothing an editor wrote is lost because lede could not read it.
type Eds struct {
	// Actions are the claims read, one per clause.
	Actions []revision.Action
	// Pickup is where a partial item continues with the previous version:
	// the note's first "picks up Nth graf pvs", or {None: true} for a
	// note that says "no pickup" and names none; nil when it says neither.
	Pickup *revision.Pickup
	// Clauses are the note's clauses that claim nothing lede can read
	// ("Also in Monday AMs report.", "Cathie in 8th graf is cq"), as
	// written.
	Clauses []string
}

// maxEds bounds the note read: real notes are a few lines, and a
// garbled item whose "note" runs on must not cost more than that.
const maxEds = 4096

// ParseEds reads an Eds: note (without its "Eds:") with the grammar AP's
// editors write, and another agency's note where it says the same thing
// (foreign.go): clauses split at semicolons, at sentence ends, and
// where a new verb opens a claim (", PICKS UP 5th", " to UPDATE with",
// " and adds graf"); each clause is an action with the paragraphs it
// names in AP's numbering, or, when it opens with no verb lede knows, a
// clause kept as written. A note hard-wrapped over lines reads as one
// line.
func ParseEds(note string) Eds {
	note = strings.Join(strings.Fields(strings.ToValidUTF8(truncate(note, maxEds), "")), " ")
	var e Eds
	none, last := false, false // last: the clause before was an action
	for _, c := range splitClauses(note) {
		a, ok := readClause(c.text)
		if !ok && last && continues(c, e.Actions[len(e.Actions)-1]) {
			// "UPDATE with water receding; interstate still closed ...;
			// other detail": a list of what the verb before brings.
			prev := &e.Actions[len(e.Actions)-1]
			prev.Text += "; " + c.text
			prev.Object += "; " + c.text
			continue
		}
		if !ok {
			if as, ok := foreignClause(c.text); ok {
				e.Actions, last = append(e.Actions, as...), true
				continue
			}
		}
		if last = ok; !ok {
			e.Clauses = append(e.Clauses, c.text)
			continue
		}
		switch a.Verb {
		case verbPickup:
			if e.Pickup == nil && len(a.Paras) == 0 && a.From > 0 {
				e.Pickup = &revision.Pickup{Para: a.From, Anchor: a.Anchor}
			}
		case verbNoPickup:
			none = true
		}
		e.Actions = append(e.Actions, a)
	}
	if e.Pickup == nil && none {
		e.Pickup = &revision.Pickup{None: true}
	}
	return e
}

// continues reports whether a clause without a verb goes on with the
// action before it: it follows a semicolon in lower case, and that
// action says what the story gained (not a pick-up or a retransmission).
func continues(c clause, prev revision.Action) bool {
	r, _ := utf8.DecodeRuneInString(c.text)
	return c.afterSemi && unicode.IsLower(r) && prev.Target != revision.TargetItem && prev.Verb != verbPickup
}

// ParseNotes reads several notes, one a line (NewsML-G2's edNotes, NITF's
// ed-msgs, the lines of dpa's note), each with ParseEds: a line break
// there ends a note, where in an AP head it only wraps one. Like one
// note, all of them are read up to a bound (4*maxEds bytes).
func ParseNotes(notes string) Eds {
	var all Eds
	for line := range strings.SplitSeq(truncate(notes, 4*maxEds), "\n") {
		e := ParseEds(line)
		all.Actions = append(all.Actions, e.Actions...)
		all.Clauses = append(all.Clauses, e.Clauses...)
		if all.Pickup == nil || all.Pickup.None && e.Pickup != nil {
			all.Pickup = e.Pickup
		}
	}
	return all
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n]
}

// splitClauses cuts a note (white space already single spaces) into its
// clauses, each trimmed of the separators around it. It never cuts inside
// a quotation (`The ferry...', “ABC-TV, quoting”), except at a
// semicolon, which no anchor holds and which ends an unclosed quote.
func splitClauses(note string) []clause {
	words := strings.Split(note, " ")
	if note == "" {
		return nil
	}
	inQuote := quoteStates(words)
	var out []clause
	start := 0
	cut := func(i int) {
		if c := trimClause(strings.Join(words[start:i], " ")); c != "" {
			out = append(out, clause{c, start > 0 && strings.HasSuffix(words[start-1], ";")})
		}
		start = i
	}
	for i := 1; i < len(words); i++ {
		prev := words[i-1]
		switch {
		case strings.HasSuffix(prev, ";"):
			cut(i)
		case inQuote[i]:
		case i-start <= 4 && inGrafRe.MatchString(strings.Join(words[start:i], " ")):
			// "In 29th graf, CORRECTS ...": the place belongs to the verb.
		case sentenceEnd(prev, words[i:]):
			cut(i)
		case (words[i] == "to" || words[i] == "and") && i+1 < len(words) && !inQuote[i+1] && linkVerb(words[i+1:]):
			cut(i)
			i++ // the verb after the link is in this clause
		case strings.HasSuffix(prev, ":") && verbOK(words[i-1:i], atStart):
			// "UPDATES: Updates photos": the verb labels what follows.
		case closes(prev) && verbOK(words[i:], afterComma):
			cut(i)
		case verbOK(words[i:], bare):
			cut(i)
		}
	}
	cut(len(words))
	return out
}

// clause is one clause of a note, and whether a semicolon ended the one
// before it.
type clause struct {
	text      string
	afterSemi bool
}

func verbOK(w []string, m verbMode) bool {
	_, _, ok := verbAt(w, m)
	return ok
}

// linkVerb reports whether the words after "to" or "and" open a claim:
// "to UPDATE casualty toll", "to correct area to arena", "and adds graf".
func linkVerb(w []string) bool {
	return verbOK(w, afterLink) || verbOK(w, bare)
}

// closes reports whether a word ends a phrase after which a new claim may
// start: a comma, a colon, or a closing quote ("`The men...', DELETES").
func closes(w string) bool {
	return strings.HasSuffix(w, ",") || strings.HasSuffix(w, ":") || strings.HasSuffix(w, "'") || strings.HasSuffix(w, `"`)
}

// sentenceEnd reports whether a sentence ends after the word prev: it
// ends in a period (before any closing quote) that is not part of an
// abbreviation ("U.S.", "p.m.", "Dec.") and the next word does not go on
// in lower case or with a number. An ellipsis ends one where a verb
// follows, or a capital after the quote it closes.
func sentenceEnd(prev string, rest []string) bool {
	p := strings.TrimRight(prev, `'"`)
	if !strings.HasSuffix(p, ".") || len(rest) == 0 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(rest[0])
	if strings.HasSuffix(p, "..") {
		// "`On Sunday...' Minor editing": a quoted anchor's ellipsis and
		// a capital end the sentence; a bare ellipsis only before a verb.
		return p != prev && unicode.IsUpper(r) || verbOK(rest, atStart)
	}
	if unicode.IsLower(r) || unicode.IsDigit(r) {
		return false
	}
	core := strings.TrimSuffix(p, ".")
	if strings.Contains(core, ".") || abbreviations[strings.ToLower(strings.Trim(core, "(`'\""))] {
		return false
	}
	return true
}

var abbreviations = map[string]bool{
	"jan": true, "feb": true, "aug": true, "sept": true, "sep": true, "oct": true, "nov": true, "dec": true,
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "gov": true, "sen": true, "rep": true,
	"gen": true, "lt": true, "col": true, "sgt": true, "no": true, "inc": true, "co": true, "corp": true,
	"jr": true, "sr": true, "vs": true, "ft": true, "mt": true,
}

// quoteStates says for each word whether a quotation is open where it
// starts. AP quotes with a backtick and an apostrophe (`The...') or two
// of each (“ABC-TV, quoting”); plain double quotes also occur. An
// apostrophe followed by a letter (don't, Keysville's) closes nothing.
// The desk often leaves a quoted anchor open (`The home...): an ellipsis
// ending a word ends the quotation unless the closing mark follows it, so
// that the claim after it ("`If the... to UPDATE figure") is read.
func quoteStates(words []string) []bool {
	out := make([]bool, len(words))
	open := "" // the closing mark awaited
	for i, w := range words {
		out[i] = open != ""
		for j := 0; j < len(w); j++ {
			switch c := w[j]; {
			case c == ';':
				open = ""
			case open == "" && c == '`':
				open = "'"
				if strings.HasPrefix(w[j:], "``") {
					open, j = "''", j+1
				}
			case open == "" && c == '"':
				open = `"`
			case open == `"` && c == '"':
				open = ""
			case open == "'" && c == '\'' && !letterAt(w, j+1):
				open = ""
			case open == "''" && strings.HasPrefix(w[j:], "''"):
				open, j = "", j+1
			}
		}
		if open != "" && strings.HasSuffix(strings.TrimRight(w, ",;:"), "...") &&
			(i+1 == len(words) || !strings.HasPrefix(words[i+1], open[:1])) {
			open = "" // an anchor left open: `The home... to UPDATE
		}
	}
	return out
}

func letterAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

// trimClause takes the separators off a clause: a leading comma or
// semicolon, a trailing one, and a sentence's final period (not an
// ellipsis, which belongs to the quoted words).
func trimClause(c string) string {
	c = strings.Trim(c, " ,;")
	if strings.HasSuffix(c, ".") && !strings.HasSuffix(c, "..") {
		c = strings.TrimSuffix(c, ".")
	}
	return strings.TrimRight(c, " ,;")
}

// ActionSignal is the signal an action of a note gives its item: a
// correction for CORRECTS, an update for a change to the text, nothing
// for an action on the transmission (a retransmission, a pick-up, "no
// pickup", a kill: whether an item is killed is its status's to say,
// which the format reads, not one verb's).
func ActionSignal(a revision.Action) string {
	switch {
	case a.Verb == "CORRECTS":
		return revision.SignalCorrection
	case a.Target == revision.TargetItem || a.Verb == verbPickup:
		return ""
	}
	return revision.SignalUpdate
}
