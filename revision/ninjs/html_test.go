package ninjs

import (
	"strings"
	"testing"
)

func TestHTMLParagraphs(t *testing.T) {
	tests := []struct {
		name, in                   string
		paras, captions, furniture string // joined with "|"
	}{
		{"paragraphs", "<p>One.</p>\n<p>Two\n  lines.</p>", "One.|Two lines.", "", ""},
		{"entities", "<p>A &amp; B &lt;p&gt; &#8212; &eacute;&nbsp;x &bogus;</p>", "A & B <p> — é x &bogus;", "", ""},
		{"inline tags run on", `<p>The <a href="x>y">AP</a> said <b>so</b>.</p>`, "The AP said so.", "", ""},
		{"unclosed p", "<p>One<p>Two", "One|Two", "", ""},
		{"p in heading", "<h4><p>Ingress.</p></h4><h2>Sub</h2><p>Body.</p>", "Ingress.|Body.", "", "Sub"},
		{"figure", `<p>Text.</p><figure><img src="a.jpg" alt="Alt"/><div>Credit/TT</div><figcaption>A caption.</figcaption></figure>`,
			"Text.", "A caption.", "Credit/TT"},
		{"script, style, comment, head", "<html><head><title>T</title><style>p{}</style></head><body><!-- <p>no</p> --><script>x='<p>'</script><p>Yes.</p></body></html>",
			"Yes.", "", ""},
		{"no paragraph elements", "First line.<br>Second line.<br/><div>Third.</div>", "First line.|Second line.|Third.", "", ""},
		{"br inside p", "<p>Line one<br>line two</p>", "Line one line two", "", ""},
		{"loose text beside p", "<div class=\"dat\">Sport</div><p>Body.</p>", "Body.", "", "Sport"},
		{"lone less-than", "<p>3 < 4 and 5 <= 6</p>", "3 < 4 and 5 <= 6", "", ""},
		{"cut inside a tag", "<p>Body.</p><p class=\"x", "Body.", "", ""},
		{"uppercase tags", "<P>Up.</P><BLOCKQUOTE>Quote.</BLOCKQUOTE>", "Up.|Quote.", "", ""},
		{"AP block", "<block>\n<p>BUFFALO, N.Y. (AP) — Lead.</p>\n<p>Two.</p></block>", "BUFFALO, N.Y. (AP) — Lead.|Two.", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := htmlParagraphs(tt.in)
			for _, c := range []struct {
				what string
				got  []string
				want string
			}{{"paragraphs", h.paras, tt.paras}, {"captions", h.captions, tt.captions}, {"furniture", h.furniture, tt.furniture}} {
				if got := strings.Join(c.got, "|"); got != c.want {
					t.Errorf("%s %q, want %q", c.what, got, c.want)
				}
			}
		})
	}
}

// Nesting deeper than maxDepth costs no more than the text it holds: the
// tags past the limit are read as text of the element at the limit.
func TestHTMLDeepNesting(t *testing.T) {
	n := 100000
	in := strings.Repeat("<div>", n) + "<p>Deep.</p>" + strings.Repeat("</div>", n)
	h := htmlParagraphs(in)
	if strings.Join(h.paras, "|") != "Deep." {
		t.Errorf("paragraphs %q", h.paras)
	}
}
