package newsml

// Detect reports whether head, an input's first bytes, is a NewsML-G2
// document: its root element is a newsItem or a newsMessage (with or
// without a namespace prefix), with nothing but white space, the XML
// declaration, comments and a document type declaration before it. The
// root element is NewsML-G2's signature; its namespace is not required,
// because real feeds sometimes leave it out, and the names are not used
// by any other wire format lede reads (NewsML 1 has <NewsML>, NITF <nitf>).
func Detect(head []byte) bool {
	for i := 0; ; {
		for i < len(head) && isSpace(head[i]) {
			i++
		}
		if i >= len(head) || head[i] != '<' {
			return false
		}
		if skip, ok := skipMarkup(head[i:]); ok {
			if skip < 0 {
				return false
			}
			i += skip
			continue
		}
		t := readTag(head, i)
		return !t.closing && (t.local == "newsItem" || t.local == "newsMessage")
	}
}
