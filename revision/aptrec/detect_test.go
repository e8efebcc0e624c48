package aptrec

import (
	"math/rand"
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// The regular expressions Detect and xmlDeclLen replace, kept here as the
// oracle they must agree with.
var (
	oracleDoc  = regexp.MustCompile(`^(?:<\?xml[^>]{0,200}\?>\s*)?<DOC>\s*(?:<DOCNO>\s*AP\d|[\s\S]{0,200}?<FILEID>\s*AP-)`)
	oracleDecl = regexp.MustCompile(`^<\?xml[^>]{0,200}\?>$`)
)

// TestDetectAgreesWithOracle runs Detect and the regular expression on
// hand-made heads, the repository's AP files and thousands of mutations
// of them (bytes cut, dropped, doubled, replaced by the syntax's own
// characters), and requires the same answer on every one.
func TestDetectAgreesWithOracle(t *testing.T) {
	heads := []string{
		"<DOC>\n<DOCNO> AP890101-0001 </DOCNO>",
		"<?xml version=\"1.0\"?>\n<DOC>\n<DOCNO>AP890101-0001</DOCNO>",
		"<DOC>\n<DOCNO> WSJ870324-0001 </DOCNO>\n<FILEID>AP-NR-01-01-89 2358EST</FILEID>",
		"<DOC>\n<DOCNO> WSJ870324-0001 </DOCNO>\n<FILEID>WSJ</FILEID>",
		"<DOC><DOCNO>APx</DOCNO>",
		"<?xml?><DOC> <FILEID> AP-",
		"<?xml >?><DOC><DOCNO>AP1",
		"<?xml ?><DOC>" + string(make([]byte, 199)) + "<FILEID>AP-",
		"<?xml ?><DOC>" + string(make([]byte, 201)) + "<FILEID>AP-",
		"<DOC>\f<FILEID>\vAP-",
		"",
	}
	paths, _ := filepath.Glob("testdata/*.trec")
	for _, p := range paths {
		if data, err := os.ReadFile(p); err == nil {
			heads = append(heads, string(data[:min(len(data), 600)]))
		}
	}
	rng := rand.New(rand.NewSource(7))
	syntax := []byte("<>?xml DOC\n\t\fAP-0<FILEID><DOCNO>")
	for _, h := range heads[:len(heads):len(heads)] {
		for range 500 {
			b := []byte(h)
			for range 1 + rng.Intn(4) {
				if len(b) == 0 {
					break
				}
				i := rng.Intn(len(b))
				switch rng.Intn(3) {
				case 0:
					b = append(b[:i:i], b[i+1:]...)
				case 1:
					b[i] = syntax[rng.Intn(len(syntax))]
				default:
					b = append(b[:i:i], append([]byte{b[i]}, b[i:]...)...)
				}
			}
			heads = append(heads, string(b))
		}
	}
	for _, h := range heads {
		if got, want := Detect([]byte(h)), oracleDoc.MatchString(trimLeftSpace(h)); got != want {
			t.Errorf("Detect(%q) = %v, the regular expression says %v", h[:min(len(h), 120)], got, want)
		}
		first := h[:min(len(h), 260)]
		if got, want := xmlDeclLen([]byte(first)) == len(first) && first != "", oracleDecl.MatchString(first); got != want {
			t.Errorf("xmlDeclLen(%q) says a whole declaration %v, the regular expression %v", first, got, want)
		}
	}
	t.Logf("%d heads agree", len(heads))
}

func trimLeftSpace(s string) string {
	for len(s) > 0 && (s[0] == ' ' || s[0] == '\t' || s[0] == '\r' || s[0] == '\n') {
		s = s[1:]
	}
	return s
}
