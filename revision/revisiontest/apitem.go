package revisiontest

import (
	"strings"
)

// APRewrite makes a new AP item out of a real one, as AP's desk sends an
// update of it: the <DOC> raw with its DOCNO replaced by docno, the
// version words (version, "" for none) added to the slug lines, its Eds:
// heads replaced by one saying eds ("" for none) and its text replaced by
// paras, hard-wrapped and indented as AP's are. Everything else of the
// item — heads, byline, dateline, sign-off — is kept as it came, so the
// real parser reads the update as it read the item.
func APRewrite(raw []byte, docno, version, eds string, paras []string) []byte {
	s := string(raw)
	s = replaceElem(s, "DOCNO", func(string) string { return " " + docno + " " })
	if version != "" {
		s = replaceElem(s, "SECOND", func(v string) string {
			if i := strings.LastIndex(v, ","); i > 0 {
				return v[:i] + ", " + version + v[i:]
			}
			return v + ", " + version
		})
		s = replaceElem(s, "FIRST", func(v string) string {
			f := strings.Fields(v)
			if len(f) < 3 {
				return v
			}
			f[2] += " " + strings.ReplaceAll(version, " ", "")
			return strings.Join(f, " ")
		})
	}
	s = dropEdsHeads(s)
	if eds != "" {
		head := "<HEAD>Eds: " + eds + "</HEAD>\n"
		if i := strings.Index(s, "</HEAD>"); i >= 0 {
			i += len("</HEAD>\n")
			s = s[:i] + head + s[i:]
		} else if i := strings.Index(s, "<TEXT>"); i >= 0 {
			s = s[:i] + head + s[i:]
		}
	}
	from, to := strings.Index(s, "<TEXT>"), strings.LastIndex(s, "</TEXT>")
	if from < 0 || to < from {
		return []byte(s)
	}
	var b strings.Builder
	b.WriteString(s[:from])
	b.WriteString("<TEXT>\n")
	for _, p := range paras {
		b.WriteString("   " + wrap(p, 66) + "\n")
	}
	b.WriteString(s[to:])
	return []byte(b.String())
}

// replaceElem replaces the text of the first <tag>...</tag> with f of it.
func replaceElem(s, tag string, f func(string) string) string {
	open, close := "<"+tag+">", "</"+tag+">"
	i := strings.Index(s, open)
	if i < 0 {
		return s
	}
	j := strings.Index(s[i:], close)
	if j < 0 {
		return s
	}
	j += i
	return s[:i+len(open)] + f(s[i+len(open):j]) + s[j:]
}

// dropEdsHeads removes the <HEAD>s that are an editor's note (the first
// version's "Eds: Also in Monday AMs report."), since the update's note
// replaces them.
func dropEdsHeads(s string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, "<HEAD>")
		if i < 0 {
			break
		}
		j := strings.Index(s[i:], "</HEAD>")
		if j < 0 {
			break
		}
		j += i + len("</HEAD>")
		v := strings.ToLower(strings.TrimSpace(s[i+len("<HEAD>") : j-len("</HEAD>")]))
		b.WriteString(s[:i])
		if !strings.HasPrefix(v, "eds") && !strings.HasPrefix(v, "(eds") {
			b.WriteString(s[i:j])
		} else if strings.HasPrefix(s[j:], "\n") {
			j++
		}
		s = s[j:]
	}
	b.WriteString(s)
	return b.String()
}
